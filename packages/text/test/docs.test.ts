// Runs every example of docs/text.md: blocks marked `ts run` are programs, run one after another
// in one tsx process in a scratch folder, with '@dl/text' pointing at these sources. The folder
// holds what the examples read, made here (no network): the seed's TREC files `data/TRECtrain.tsv`,
// `TRECval.tsv` and `TRECtest.tsv` (a TREC-style sample whose test part makes the seed's 16x99
// batch) and `.vector_cache/glove.6B.50d.txt` in GloVe's format, so `vectors: 'glove.6B.50d'`
// reads the cache and downloads nothing (test/support/trec-sample.ts). DL_DOCS_ECHO=1 prints what
// the examples printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTrecSample } from './support/trec-sample';

const guide = readFileSync(new URL('../../../docs/text.md', import.meta.url), 'utf8');
const programs = [...guide.matchAll(/```ts run\n([\s\S]*?)```/g)].map((m, index) => ({ index, code: m[1]! }));
const text = new URL('../src/index.ts', import.meta.url).href;
const require = createRequire(import.meta.url);
const tsxPkg = require.resolve('tsx/package.json');
const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
const tsxCli = join(dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx);
// The examples import '@dl/core' as users do; resolve it from this package (its devDependency).
const core = new URL(`file://${require.resolve('@dl/core')}`).href;
const localize = (code: string) => code.replaceAll("'@dl/text'", `'${text}'`).replaceAll("'@dl/core'", `'${core}'`);

const dir = mkdtempSync(join(tmpdir(), 'dl-text-docs-'));
const results = new Map<number, string>();
let output = '';
let stderr = '';

beforeAll(() => {
  writeTrecSample(join(dir, 'data'), join(dir, '.vector_cache'));
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

describe('docs/text.md', () => {
  it("has the seed's TREC example to run (Field, TabularDataset.splits, buildVocab with vectors, Iterator.splits)", () => {
    const all = programs.map((p) => p.code).join('\n');
    expect(all).toContain("new Field({ sequential: true, tokenize: 'spacy', lower: true })");
    expect(all).toContain('await TabularDataset.splits({');
    expect(all).toContain("await TEXT.buildVocab(train!, { vectors: 'glove.6B.50d' })");
    expect(all).toContain('Iterator.splits([train!, val!, test!]');
  });

  for (const p of programs) {
    const first = p.code.split('\n').find((l) => l && !l.startsWith('import')) ?? '';
    it(`runs example ${p.index} (${first.slice(0, 50)})`, () => {
      expect(results.get(p.index), output).toBe('ok');
    });
  }

  it("prints the seed's batch: [Batch of size 99] with a 16x99 Text tensor", () => {
    expect(output).toContain('[Batch of size 99]\n\t[.Text]:[int32 tensor of size 16x99]\n\t[.Label]:[int32 tensor of size 99]');
  });

  it('prints nothing on stderr', () => {
    expect(stderr).toBe('');
  });
});
