import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YESNO } from '@dl/audio';
import { afterAll, describe, expect, it } from 'vitest';
import { extractWords } from './extract-words';
import { listVoices } from './voices';
import { writeYesNoSet } from './write-yesno-set';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'yesno-set-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the committed clips', () => {
  it('have a yes and a no for 48 voices: 32 to train on, 16 held out for the test', () => {
    const { train, test } = listVoices();
    expect(train).toHaveLength(32);
    expect(test).toHaveLength(16);
    expect(test.every((v) => v.endsWith('+m7') || v.endsWith('+f4'))).toBe(true);
    expect(train.some((v) => test.includes(v))).toBe(false);
  });
});

describe('writeYesNoSet', () => {
  it('writes YESNO-named 8 kHz recordings that datasets.YESNO reads, with distinct label sequences', async () => {
    const root = tmp();
    const made = await writeYesNoSet(root, { voices: listVoices().train.slice(0, 4), count: 12, seed: 5 });
    expect(made.written).toBe(true);
    const files = readdirSync(join(root, 'waves_yesno'));
    expect(files).toHaveLength(12);
    expect(files.every((f) => /^[01](_[01]){7}\.wav$/.test(f))).toBe(true);
    const yesno = await new YESNO(root).prepare();
    expect(yesno.length).toBe(12);
    const [waveform, sampleRate, labels] = await yesno.getItem(0);
    expect(sampleRate).toBe(8000);
    expect(waveform.shape[0]).toBe(1);
    // Eight words of 0.29-0.67 s with pauses: between 3.5 and 10 s.
    expect(waveform.shape[1]).toBeGreaterThan(3.5 * 8000);
    expect(waveform.shape[1]).toBeLessThan(10 * 8000);
    expect(labels).toEqual(files[0]!.slice(0, -4).split('_').map(Number));
    // Every word is found where the recording says it is: segmentation gives 8 words per file.
    const words = await extractWords(yesno);
    expect(words.labels).toHaveLength(12 * 8);
    for (const w of words.waveforms) {
      expect(w.length).toBeGreaterThan(0.15 * 8000);
      expect(w.length).toBeLessThan(1.0 * 8000);
    }
  });

  it('is a function of its options: the same seed gives the same files, and a finished set is reused', async () => {
    const a = tmp();
    const b = tmp();
    const opts = { voices: listVoices().test.slice(0, 2), count: 3, seed: 9 };
    await writeYesNoSet(a, opts);
    await writeYesNoSet(b, opts);
    const names = readdirSync(join(a, 'waves_yesno')).sort();
    expect(readdirSync(join(b, 'waves_yesno')).sort()).toEqual(names);
    const mtime = statSync(join(a, 'waves_yesno', names[0]!)).mtimeMs;
    expect((await writeYesNoSet(a, opts)).written).toBe(false);
    expect(statSync(join(a, 'waves_yesno', names[0]!)).mtimeMs).toBe(mtime);
    expect((await writeYesNoSet(a, { ...opts, seed: 10 })).written).toBe(true);
  });

  it('refuses more recordings than there are label sequences', async () => {
    await expect(writeYesNoSet(tmp(), { voices: ['en-us+m1'], count: 257, seed: 0 })).rejects.toThrow('writeYesNoSet: count must be an integer in [1, 256], got 257');
  });
});
