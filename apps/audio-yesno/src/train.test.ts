import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainYesNo } from './train';
import { listVoices } from './voices';
import { writeYesNoSet } from './write-yesno-set';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'yesno-train-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('trainYesNo', () => {
  it('learns yes from no on held-out voices, saves the best checkpoint and a spectrogram PNG', async () => {
    const out = tmp();
    const r = await trainYesNo({ cacheDir: tmp(), outDir: out, recordings: { train: 40, test: 8 }, epochs: 6, log: null, progress: null });
    expect(r.data).toBe('app');
    expect(r.sizes.train[0] + r.sizes.val[0]).toBe(40);
    expect(r.sizes.test).toEqual([8, 64]);
    expect(r.history.length).toBeGreaterThan(0);
    // Far above chance (50%) on voices never heard in training.
    expect(r.testAccuracy).toBeGreaterThan(0.8);
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(64);
    expect(existsSync(r.checkpoint)).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('best_model_'))).toHaveLength(1);
    const png = readFileSync(r.spectrogram);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 240_000);

  it('trains on a YESNO folder given with dataDir (60 recordings, split 60/15/25)', async () => {
    const data = tmp();
    // A stand-in for the downloaded corpus: 60 recordings in YESNO's layout and names.
    await writeYesNoSet(data, { voices: listVoices().train, count: 60, seed: 4 });
    const r = await trainYesNo({ dataDir: data, download: false, outDir: tmp(), epochs: 1, log: null, progress: null });
    expect(r.data).toBe('yesno');
    expect([r.sizes.train[0], r.sizes.val[0], r.sizes.test[0]]).toEqual([36, 9, 15]);
    expect(r.sizes.test[1]).toBe(15 * 8);
  }, 240_000);

  it('says what is wrong with a --data folder holding no recordings', async () => {
    const empty = tmp();
    mkdirSync(join(empty, 'waves_yesno'));
    await expect(trainYesNo({ dataDir: empty, download: false, outDir: tmp(), epochs: 1, log: null, progress: null })).rejects.toThrow(/YESNO/);
  });
});
