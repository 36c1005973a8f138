import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sstArchive } from '../../test/fixtures/datasets/text-archives';
import { hitsOf, progressRecorder, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { Field } from '../data/fields/field';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { SST } from './sst';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-sst-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'sst', sstArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;
const fields = () => [new Field(), new Field({ sequential: false })] as const;

describe('SST', () => {
  it("keeps classic torchtext's URL and layout", () => {
    expect(SST.urls).toEqual(['http://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip']);
    expect([SST.folder, SST.dirname]).toEqual(['sst', 'trees']);
    expect(SST.resources).toEqual([{ url: 'http://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip', extract: true, check: 'trees' }]);
  });

  it('downloads the zip (drawing progress), extracts trees/ and reads the three splits', async () => {
    const [text, label] = fields();
    const progress = progressRecorder();
    const splits = await SST.splits(text, label, { root, mirror, downloadOptions: { progress: 'lines', progressStream: progress.stream, retries: 0 } });
    expect(progress.text()).toContain('trainDevTestTrees_PTB.zip');
    expect(splits.map((d) => d.length)).toEqual([2, 2, 1]);
    const [train, val, test] = splits;
    expect(train).toBeInstanceOf(SST);
    expect(train.getItem(0).text).toEqual(['It', "'s", 'a', 'lovely', 'film', '.']);
    expect(train.getItem(0).label).toBe('positive');
    expect(train.getItem(1).text).toEqual(['The', 'plot', 'is', 'dreadful', '.']);
    expect(train.getItem(1).label).toBe('negative');
    expect(val.getItem(0).label).toBe('neutral');
    expect(val.getItem(1).label).toBe('positive');
    expect(test.getItem(0)).toMatchObject({ text: ['Awful', '.'], label: 'negative' });
    expect(train.sortKey?.(train.getItem(0))).toBe(6);
    expect(train.fields).toEqual({ text, label });
    expect(train.name).toBe('sst');
  });

  it('labels five classes with fineGrained and every phrase with trainSubtrees', async () => {
    const [text, label] = fields();
    const [train, val, test] = await SST.splits(text, label, { root, mirror, downloadOptions: quiet, fineGrained: true, trainSubtrees: true });
    expect(train.length).toBe(11 + 9);
    expect(train.examples.slice(0, 4).map((e) => [(e.text as string[]).join(' '), e.label])).toEqual([
      ["It 's a lovely film .", 'positive'],
      ['It', 'neutral'],
      ["'s a lovely film .", 'very positive'],
      ["'s a lovely film", 'very positive'],
    ]);
    expect(val.length).toBe(2);
    expect(val.getItem(1).label).toBe('very positive');
    expect(test.getItem(0).label).toBe('very negative');
  });

  it('leaves neutral sentences out with filterPred (the binary task), and splits out with null', async () => {
    const [text, label] = fields();
    const [train, val] = await SST.splits(text, label, { root, mirror, downloadOptions: quiet, test: null, filterPred: (ex) => ex.label !== 'neutral' });
    expect(train.examples.map((e) => e.label)).toEqual(['positive', 'negative']);
    expect(val.examples.map((e) => e.label)).toEqual(['positive']);
  });

  it('reuses the extracted files on a second call (no second download)', async () => {
    const [text, label] = fields();
    await SST.splits(text, label, { root, mirror, downloadOptions: quiet });
    await SST.splits(text, label, { root, mirror, downloadOptions: quiet });
    expect(hitsOf(server, 'sst', sstArchive())).toBe(1);
  });

  it('throws typed errors for a malformed tree, a bad label, an empty file and a missing split file', async () => {
    const [text, label] = fields();
    const path = await SST.download({ root, mirror, downloadOptions: quiet });
    const dev = join(path, 'dev.txt');
    await writeFile(dev, '(2 (2 fine) (2 .))\n(3 (2 It) (4 works)\n');
    await expect(SST.splits(text, label, { root, mirror })).rejects.toThrow(DatasetFormatError);
    await expect(SST.splits(text, label, { root, mirror })).rejects.toThrow(
      `SST: ${dev} line 2: expected a PTB tree such as '(3 (2 It) (4 works))': Tree.fromString: expected ')' at position 19 of "(3 (2 It) (4 works)"`,
    );
    await writeFile(dev, '(2 (7 fine) (2 .))\n');
    await expect(SST.splits(text, label, { root, mirror, trainSubtrees: true, train: null })).resolves.toHaveLength(2);
    await expect(SST.load(dev, text, label, { subtrees: true })).rejects.toThrow(`SST: ${dev} line 1: expected sentiment labels 0 to 4 on every node, got "7" in "(7 fine)"`);
    await writeFile(dev, '\n');
    await expect(SST.splits(text, label, { root, mirror })).rejects.toThrow(DatasetEmptyFileError);
    await expect(SST.splits(text, label, { root, mirror })).rejects.toThrow(`SST: ${dev} is empty; expected one PTB tree a line, such as '(3 (2 It) (4 works))'`);
    await expect(SST.splits(text, label, { root, mirror, train: 'nope.txt' })).rejects.toThrow(DatasetMissingFileError);
    await expect(SST.splits(text, label, { root, mirror, train: 'nope.txt' })).rejects.toThrow(`SST: the tree file ${join(path, 'nope.txt')} does not exist`);
  });

  it('makes bucketed batches with iters, vocabularies built on the training split', async () => {
    const [trainIter, valIter, testIter] = await SST.iters({ root, mirror, downloadOptions: quiet, batchSize: 2 });
    expect([trainIter.train, valIter.train, testIter.train]).toEqual([true, false, false]);
    const text = trainIter.dataset.fields.text as Field;
    const label = trainIter.dataset.fields.label as Field;
    expect(text.vocab?.itos.slice(0, 2)).toEqual(['<unk>', '<pad>']);
    expect(label.vocab?.itos).toEqual(['<unk>', 'negative', 'positive']);
    const batches = [...testIter];
    expect(batches).toHaveLength(1);
    expect(batches[0].text.shape).toEqual([2, 1]);
    expect(Array.from(batches[0].text.dataSync())).toEqual([0, text.vocab!.stoi.get('.')]);
    expect(Array.from(batches[0].label.dataSync())).toEqual([label.vocab!.stoi.get('negative')]);
    const valBatches = [...valIter];
    expect(valBatches[0].text.shape).toEqual([3, 2]);
  });
});
