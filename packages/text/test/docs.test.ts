// Runs every example of docs/text.md: blocks marked `ts run` are programs, run one after another
// in one tsx process in a scratch folder, with '@dl/text' pointing at these sources. The folder
// holds what the examples read, made here (no network): the seed's TREC files `data/TRECtrain.tsv`,
// `TRECval.tsv` and `TRECtest.tsv` (a TREC-style sample whose test part makes the seed's 16x99
// batch) and `.vector_cache/glove.6B.50d.txt` in GloVe's format, so `vectors: 'glove.6B.50d'`
// reads the cache and downloads nothing (test/support/trec-sample.ts). DL_DOCS_ECHO=1 prints what
// the examples printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsRun, docsPrograms, runDocsExamples } from '../../../tooling/docs-examples.ts';
import { writeTrecSample } from './support/trec-sample';

const guidePath = new URL('../../../docs/text.md', import.meta.url);
const programs = docsPrograms(guidePath);

const dir = mkdtempSync(join(tmpdir(), 'dl-text-docs-'));
let run: DocsRun;

beforeAll(() => {
  writeTrecSample(join(dir, 'data'), join(dir, '.vector_cache'));
  run = runDocsExamples({ guidePath, packageName: '@dl/text', entry: new URL('../src/index.ts', import.meta.url), testFile: import.meta.url, dir, backend: 'wasm', echo: Boolean(process.env.DL_DOCS_ECHO) });
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
      expect(run.results.get(p.index), run.output).toBe('ok');
    });
  }

  it("prints the seed's batch: [Batch of size 99] with a 16x99 Text tensor", () => {
    expect(run.output).toContain('[Batch of size 99]\n\t[.Text]:[int32 tensor of size 16x99]\n\t[.Label]:[int32 tensor of size 99]');
  });

  it('prints nothing on stderr', () => {
    expect(run.stderr).toBe('');
  });
});
