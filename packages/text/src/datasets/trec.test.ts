import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { trecFiles } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { LabelField } from '../data/fields/label-field';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { TREC } from './trec';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-trec-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'trec', trecFiles());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

describe('TREC', () => {
  it("keeps classic torchtext's URLs, with the files' current home as mirrors", () => {
    expect(TREC.urls).toEqual(['http://cogcomp.org/Data/QA/QC/train_5500.label', 'http://cogcomp.org/Data/QA/QC/TREC_10.label']);
    expect(TREC.resources.map((r) => r.mirrors)).toEqual([
      ['https://cogcomp.seas.upenn.edu/Data/QA/QC/train_5500.label'],
      ['https://cogcomp.seas.upenn.edu/Data/QA/QC/TREC_10.label'],
    ]);
    expect([TREC.folder, TREC.dirname]).toEqual(['trec', '']);
  });

  it('downloads both files and reads [train, test] with coarse labels', async () => {
    const splits = await TREC.splits(new Field({ lower: true }), new LabelField(), { root, mirror, downloadOptions: quiet });
    expect(splits).toHaveLength(2);
    const [train, test] = splits;
    expect(train.examples.map((e) => e.label)).toEqual(['DESC', 'ENTY', 'LOC']);
    expect(train.getItem(0).text).toEqual(['how', 'did', 'serfdom', 'develop', 'in', 'and', 'then', 'leave', 'russia', '?']);
    expect(train.getItem(2).text).toEqual(['what', 'is', 'the', 'sister', 'city', 'of', 'los', 'angeles', '?']);
    expect(test.examples.map((e) => [(e.text as string[]).length, e.label])).toEqual([
      [9, 'NUM'],
      [4, 'HUM'],
    ]);
  });

  it('keeps the fine labels with fineGrained, and downloads once', async () => {
    const [train, test] = await TREC.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet, fineGrained: true });
    expect(train.examples.map((e) => e.label)).toEqual(['DESC:manner', 'ENTY:cremat', 'LOC:city']);
    expect(test.examples.map((e) => e.label)).toEqual(['NUM:dist', 'HUM:ind']);
    await TREC.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet });
    expect(hitsOf(server, 'trec', trecFiles())).toBe(2);
  });

  it('throws typed errors for a malformed line, an empty file and a missing split file', async () => {
    const path = await TREC.download({ root, mirror, downloadOptions: quiet });
    const test = join(path, 'TREC_10.label');
    await writeFile(test, 'NUM:dist How far ?\nHow far is it\n');
    const run = () => TREC.splits(new Field(), new LabelField(), { root, mirror });
    await expect(run()).rejects.toThrow(DatasetFormatError);
    await expect(run()).rejects.toThrow(`TREC: ${test} line 2: expected '<COARSE>:<fine> <question>', got "How far is it"`);
    await writeFile(test, '');
    await expect(run()).rejects.toThrow(DatasetEmptyFileError);
    await expect(TREC.splits(new Field(), new LabelField(), { root, mirror, test: null, train: 'x.label' })).rejects.toThrow(DatasetMissingFileError);
  });
});
