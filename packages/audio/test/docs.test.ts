// Runs every example of docs/audio.md: blocks marked `ts run` are programs, run one after another
// in one tsx process in a scratch folder, with '@dl/audio' pointing at these sources. The folder
// holds what the examples read, made here (no network): `foo.mp3` (a 0.25 s stereo 44.1 kHz MP3
// fixture, made by lame, see test/fixtures/generators/io.py) and a YESNO corpus in its real layout,
// `waves_yesno/*.wav` (60 recordings, 8 kHz, named by their words, item 0 being
// 0_0_0_0_1_1_1_1.wav as in the real corpus), so `YESNO('.', { download: true })` finds it and
// downloads nothing. DL_DOCS_ECHO=1 prints what the examples printed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const guide = readFileSync(new URL('../../../docs/audio.md', import.meta.url), 'utf8');
const programs = [...guide.matchAll(/```ts run\n([\s\S]*?)```/g)].map((m, index) => ({ index, code: m[1]! }));
const audio = new URL('../src/index.ts', import.meta.url).href;
const require = createRequire(import.meta.url);
const tsxPkg = require.resolve('tsx/package.json');
const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
const tsxCli = join(dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx);
// The examples import '@dl/core' as users do; resolve it from this package (its devDependency).
const core = new URL(`file://${require.resolve('@dl/core')}`).href;
const localize = (code: string) => code.replaceAll("'@dl/audio'", `'${audio}'`).replaceAll("'@dl/core'", `'${core}'`);

const dir = mkdtempSync(join(tmpdir(), 'dl-audio-docs-'));
const results = new Map<number, string>();
let output = '';
let stderr = '';

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
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const p of programs) writeFileSync(join(dir, `example-${p.index}.ts`), localize(p.code));
  const runner = [
    `for (const i of ${JSON.stringify(programs.map((p) => p.index))}) {`,
    "  try { await import(`./example-${i}.ts`); console.log(`@@ok ${i}`); }",
    "  catch (e) { console.log(`@@fail ${i} ${String(e && e.stack || e).replaceAll('\\n', ' | ')}`); }",
    '}',
    'process.exit(0);',
  ].join('\n');
  writeFileSync(join(dir, 'run-all.ts'), runner);
  const r = spawnSync(process.execPath, [tsxCli, join(dir, 'run-all.ts')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DL_BACKEND: process.env.DL_BACKEND ?? 'wasm' },
  });
  output = `${r.stdout}\n${r.stderr}`;
  stderr = r.stderr;
  for (const m of r.stdout.matchAll(/^@@(ok|fail) (\d+)(.*)$/gm)) results.set(Number(m[2]), m[1] === 'ok' ? 'ok' : m[3]!.trim());
  if (process.env.DL_DOCS_ECHO) console.log(output);
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
      expect(results.get(p.index), output).toBe('ok');
    });
  }

  it("prints what the guide's comments say for the seed's examples", () => {
    expect(output).toContain('[ 11025, 2 ] 44100');
    expect(output).toContain('Dataset YESNO\n    Number of datapoints: 60\n    Root location: .');
    expect(output).toContain('1 8000 [\n  0, 0, 0, 0,\n  1, 1, 1, 1\n]');
    expect(output).toContain('[ 1, 16000 ]');
  });

  it('prints nothing on stderr but the warnings the guide shows', () => {
    const unexpected = stderr.split('\n').filter((l) => l.trim() !== '' && !/EmptyFilterbankWarning|DeprecationWarning|--trace-warnings/.test(l));
    expect(unexpected, stderr).toEqual([]);
  });
});
