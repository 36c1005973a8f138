// Runs every example of docs/audio.md: blocks marked `ts run` are programs, run one after another
// in one tsx process in a scratch folder, with '@dl/audio' pointing at these sources. The folder
// holds what the examples read, made here (no network): `foo.mp3` (a 0.25 s stereo 44.1 kHz MP3
// fixture, made by lame, see test/fixtures/generators/io.py) and a YESNO corpus in its real layout,
// `waves_yesno/*.wav` (60 recordings, 8 kHz, named by their words, item 0 being
// 0_0_0_0_1_1_1_1.wav as in the real corpus), so `YESNO('.', { download: true })` finds it and
// downloads nothing. DL_DOCS_ECHO=1 prints what the examples printed.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsRun, docsPrograms, runDocsExamples } from '../../../tooling/docs-examples.ts';

const guidePath = new URL('../../../docs/audio.md', import.meta.url);
const programs = docsPrograms(guidePath);

const dir = mkdtempSync(join(tmpdir(), 'dl-audio-docs-'));
let run: DocsRun;

/** A 16-bit mono PCM WAV file of `samples` at `rate`. */
function wav(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), i * 2));
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

function writeData(): void {
  copyFileSync(fileURLToPath(new URL('./fixtures/io/docs_foo.mp3', import.meta.url)), join(dir, 'foo.mp3'));
  const folder = join(dir, 'waves_yesno');
  mkdirSync(folder, { recursive: true });
  // 0b00001111 (item 0 of the real corpus) and the 59 sequences after it.
  for (let code = 15; code < 75; code++) {
    const labels = Array.from({ length: 8 }, (_, k) => (code >> (7 - k)) & 1);
    const samples = new Float32Array(6 * 8000);
    // A tone per word: higher for yes, in its own half second.
    labels.forEach((yes, k) => {
      for (let i = 0; i < 3000; i++) samples[4000 + k * 5000 + i] = 0.3 * Math.sin((2 * Math.PI * (yes ? 600 : 300) * i) / 8000);
    });
    writeFileSync(join(folder, `${labels.join('_')}.wav`), wav(samples, 8000));
  }
}

beforeAll(() => {
  writeData();
  run = runDocsExamples({ guidePath, packageName: '@dl/audio', entry: new URL('../src/index.ts', import.meta.url), testFile: import.meta.url, dir, backend: 'wasm', echo: Boolean(process.env.DL_DOCS_ECHO) });
}, 320_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/audio.md', () => {
  it("has the seed's examples to run (load/save of foo.mp3, YESNO into a DataLoader, Compose([Scale(), PadTrim(16000)]))", () => {
    const all = programs.map((p) => p.code).join('\n');
    expect(all).toContain("await load('foo.mp3'");
    expect(all).toContain("await save('foo.wav', data, sampleRate");
    expect(all).toContain("new datasets.YESNO('.', { download: true })");
    expect(all).toContain('new transforms.Compose([new transforms.Scale(), new transforms.PadTrim(16000)])');
  });

  for (const p of programs) {
    const first = p.code.split('\n').find((l) => l && !l.startsWith('import')) ?? '';
    it(`runs example ${p.index} (${first.slice(0, 50)})`, () => {
      expect(run.results.get(p.index), run.output).toBe('ok');
    });
  }

  it("prints what the guide's comments say for the seed's examples", () => {
    expect(run.output).toContain('[ 11025, 2 ] 44100');
    expect(run.output).toContain('Dataset YESNO\n    Number of datapoints: 60\n    Root location: .');
    expect(run.output).toContain('1 8000 [\n  0, 0, 0, 0,\n  1, 1, 1, 1\n]');
    expect(run.output).toContain('[ 1, 16000 ]');
  });

  it('prints nothing on stderr but the warnings the guide shows', () => {
    const unexpected = run.stderr.split('\n').filter((l) => l.trim() !== '' && !/EmptyFilterbankWarning|DeprecationWarning|--trace-warnings/.test(l));
    expect(unexpected, run.stderr).toEqual([]);
  });
});
