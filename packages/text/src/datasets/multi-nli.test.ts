import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { multiNLIArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { MultiNLI } from './multi-nli';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-multinli-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'multinli', multiNLIArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

class LocalMultiNLI extends MultiNLI {
  static override readonly resources = localChecksums(MultiNLI.resources, multiNLIArchive());
}

describe('MultiNLI', () => {
  it("keeps classic torchtext's URL, its current home and the MD5", () => {
    expect(MultiNLI.resources).toEqual([
      {
        url: 'http://www.nyu.edu/projects/bowman/multinli/multinli_1.0.zip',
        mirrors: ['https://cims.nyu.edu/~sbowman/multinli/multinli_1.0.zip'],
        md5: '0f70aaf66293b3c088a864891db51353',
        extract: true,
        check: 'multinli_1.0',
      },
    ]);
    expect(MultiNLI.splitFiles).toEqual({ train: 'multinli_1.0_train.jsonl', validation: 'multinli_1.0_dev_matched.jsonl', test: 'multinli_1.0_dev_mismatched.jsonl' });
  });

  it('reads train, matched and mismatched with the genre field', async () => {
    const TEXT = new Field();
    const LABEL = new Field({ sequential: false });
    const GENRE = new Field({ sequential: false });
    const [train, matched, mismatched] = await LocalMultiNLI.splits(TEXT, LABEL, { root, mirror, downloadOptions: { progress: false, retries: 0 }, genreField: GENRE });
    expect(train).toBeInstanceOf(MultiNLI);
    expect(train.examples.map((e) => [e.label, e.genre])).toEqual([
      ['neutral', 'government'],
      ['entailment', 'telephone'],
    ]);
    expect(train.getItem(0).premise).toEqual(['Conceptually', 'cream', 'skimming', 'has', 'two', 'dimensions.']);
    expect(matched.getItem(0)).toMatchObject({ label: 'contradiction', genre: 'fiction' });
    expect(mismatched.examples.map((e) => e.genre)).toEqual(['verbatim']);
    expect(train.fields.genre).toBe(GENRE);
    const [plain] = await LocalMultiNLI.splits(TEXT, LABEL, { root, mirror, validation: null, test: null });
    expect('genre' in plain.getItem(0)).toBe(false);
    expect(hitsOf(server, 'multinli', multiNLIArchive())).toBe(1);
  });
});
