import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { snliArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { RawField } from '../data/fields/raw-field';
import { interleaveKeys } from '../data/utils/interleave-keys';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { ParsedTextField } from './parsed-text-field';
import { ShiftReduceField } from './shift-reduce-field';
import { SNLI } from './snli';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-snli-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'snli', snliArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

describe('SNLI', () => {
  it("keeps classic torchtext's URL and layout", () => {
    expect(SNLI.resources).toEqual([{ url: 'http://nlp.stanford.edu/projects/snli/snli_1.0.zip', extract: true, check: 'snli_1.0' }]);
    expect([SNLI.folder, SNLI.dirname]).toEqual(['snli', 'snli_1.0']);
    expect(SNLI.splitFiles).toEqual({ train: 'snli_1.0_train.jsonl', validation: 'snli_1.0_dev.jsonl', test: 'snli_1.0_test.jsonl' });
  });

  it('extracts snli_1.0.zip once and reads the sentences, leaving out pairs without a gold label', async () => {
    const TEXT = new Field({ lower: true });
    const LABEL = new Field({ sequential: false });
    const [train, val, test] = await SNLI.splits(TEXT, LABEL, { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(SNLI);
    expect(train.examples.map((e) => ({ ...e }))).toEqual([
      { premise: ['a', 'person', 'on', 'a', 'horse.'], hypothesis: ['a', 'person', 'is', 'training.'], label: 'neutral' },
      { premise: ['a', 'man', 'sleeps.'], hypothesis: ['a', 'man', 'runs.'], label: 'contradiction' },
    ]);
    expect(train.sortKey?.(train.getItem(0))).toBe(interleaveKeys(5, 4));
    expect(val.getItem(0).label).toBe('entailment');
    expect(test.getItem(0).hypothesis).toEqual(['kids', 'play', 'outside.']);
    expect(train.path).toBe(join(root, 'snli', 'snli_1.0', 'snli_1.0_train.jsonl'));
    await SNLI.splits(TEXT, LABEL, { root, mirror, validation: null, test: null });
    expect(hitsOf(server, 'snli', snliArchive())).toBe(1);
  });

  it('reads the binary parses with a parse field: words and shift-reduce transitions, and extra fields', async () => {
    const TEXT = new ParsedTextField();
    const TRANSITIONS = new ShiftReduceField();
    const LABEL = new Field({ sequential: false });
    const ID = new RawField();
    const [train] = await SNLI.splits(TEXT, LABEL, { root, mirror, downloadOptions: quiet, parseField: TRANSITIONS, extraFields: { pairID: ['id', ID] }, validation: null, test: null });
    expect({ ...train.getItem(0) }).toEqual({
      premise: ['A', 'person', 'on', 'a', 'horse'],
      premise_transitions: ['shift', 'shift', 'reduce', 'shift', 'shift', 'shift', 'reduce', 'reduce', 'reduce'],
      hypothesis: ['A', 'person', 'is', 'training'],
      hypothesis_transitions: ['shift', 'shift', 'reduce', 'shift', 'shift', 'reduce', 'reduce'],
      label: 'neutral',
      id: '3416050480.jpg#4r1n',
    });
    expect(Object.keys(train.fields)).toEqual(['premise', 'premise_transitions', 'hypothesis', 'hypothesis_transitions', 'label', 'id']);
  });

  it('makes batches of parsed sentences with iters({ trees: true })', async () => {
    const [trainIter, , testIter] = await SNLI.iters({ root, mirror, downloadOptions: quiet, trees: true, batchSize: 4 });
    const fields = trainIter.dataset.fields;
    expect(fields.premise).toBeInstanceOf(ParsedTextField);
    expect(fields.premise_transitions).toBeInstanceOf(ShiftReduceField);
    const [batch] = [...testIter];
    const [premise, lengths] = batch.premise as [Tensor, Tensor];
    expect(premise.shape).toEqual([3, 1]);
    expect(Array.from(lengths.dataSync())).toEqual([3]);
    const transitions = fields.premise_transitions as ShiftReduceField;
    expect(Array.from((batch.premise_transitions as Tensor).dataSync())).toEqual([3, 3, 2]);
    expect(transitions.vocab?.itos).toEqual(['<unk>', '<pad>', 'reduce', 'shift']);
  });

  it('throws typed errors for a bad JSON line, an empty file and a missing file', async () => {
    const path = await SNLI.download({ root, mirror, downloadOptions: quiet });
    const dev = join(path, 'snli_1.0_dev.jsonl');
    await writeFile(dev, '{"gold_label": "neutral", "sentence1": "a", "sentence2": "b"}\n{"gold_label": "neutral", "sentence1": "a"}\n');
    const run = () => SNLI.splits(new Field(), new Field({ sequential: false }), { root, mirror, train: null, test: null });
    await expect(run()).rejects.toThrow(DatasetFormatError);
    await expect(run()).rejects.toThrow(new RegExp(`^SNLI: ${dev}, line 2, field 'sentence2': `));
    await writeFile(dev, '\n');
    await expect(run()).rejects.toThrow(DatasetEmptyFileError);
    await expect(run()).rejects.toThrow(`SNLI: ${dev} is empty; expected one JSON record a line`);
    await expect(SNLI.splits(new Field(), new Field(), { root, mirror, train: 'x.jsonl' })).rejects.toThrow(DatasetMissingFileError);
  });
});
