import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { babiArchive, babiTask } from '../../test/fixtures/datasets/text-archives';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { BABI20 } from './babi20';
import { BABI20Field } from './babi20-field';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-babi20-'));
  server = await startTestServer();
  mirror = serveDataset(server, '', babiArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

describe('BABI20', () => {
  it("keeps classic torchtext's URL and layout, with Facebook's copy as a mirror", () => {
    expect(BABI20.resources).toEqual([
      {
        url: 'http://www.thespermwhale.com/jaseweston/babi/tasks_1-20_v1-2.tar.gz',
        mirrors: ['https://dl.fbaipublicfiles.com/babi/tasks_1-20_v1-2.tar.gz'],
        extract: true,
        check: 'tasks_1-20_v1-2',
      },
    ]);
    expect(BABI20.folder).toBe('');
  });

  it('extracts the archive into root once and reads a task: story, query and answer', async () => {
    const TEXT = new BABI20Field(50);
    const [train, val, test] = await BABI20.splits(TEXT, { root, mirror, downloadOptions: quiet, task: 3 });
    expect(train).toBeInstanceOf(BABI20);
    expect(train.length).toBe(3);
    expect({ ...train.getItem(0) }).toEqual({
      story: [
        ['Mary', 'moved', 'to', 'the', 'bathroom'],
        ['John', 'went', 'to', 'the', 'hallway'],
      ],
      query: ['Where', 'is', 'Mary'],
      answer: ['bathroom'],
    });
    expect(train.getItem(1).story).toEqual([
      ['Mary', 'moved', 'to', 'the', 'bathroom'],
      ['John', 'went', 'to', 'the', 'hallway'],
      ['Daniel', 'went', 'back', 'to', 'the', 'train'],
    ]);
    expect(train.getItem(2)).toMatchObject({ story: [['Task3', 'went', 'to', 'the', 'office']], query: ['Where', 'is', 'Task3'] });
    expect(val.getItem(1).answer).toEqual(['valid']);
    expect(test.getItem(1).answer).toEqual(['test']);
    expect(train.sortKey?.(train.getItem(0))).toBe(3);
    await BABI20.splits(TEXT, { root, mirror, task: 1 });
    expect(hitsOf(server, '', babiArchive())).toBe(1);
  });

  it('reads the 10k version, only the supporting facts, and all tasks jointly', async () => {
    const TEXT = new BABI20Field(50);
    const [tenK] = await BABI20.splits(TEXT, { root, mirror, downloadOptions: quiet, tenK: true, validation: null, test: null });
    expect(tenK.getItem(0).query).toEqual(['Where', 'is', 'Sandra']);
    const [supported] = await BABI20.splits(TEXT, { root, mirror, onlySupporting: true, validation: null, test: null });
    expect(supported.getItem(1).story).toEqual([['Daniel', 'went', 'back', 'to', 'the', 'train']]);
    const [train, val, test] = await BABI20.splits(TEXT, { root, mirror, joint: true, task: 2 });
    expect([train.length, val.length, test.length]).toEqual([60, 60, 3]);
    expect(train.getItem(59).query).toEqual(['Where', 'is', 'Task20']);
    const folder = join(root, 'tasks_1-20_v1-2', 'en-valid');
    expect((await readFile(join(folder, 'all_train.txt'), 'utf8')).startsWith(babiTask(1, 'train'))).toBe(true);
    expect(test.getItem(2).query).toEqual(['Where', 'is', 'Task2']);
  });

  it('batches stories as [batch, memorySize, words], latest sentence first, with iters', async () => {
    const [trainIter] = await BABI20.iters({ root, mirror, downloadOptions: quiet, task: 1, batchSize: 2, memorySize: 4 });
    const TEXT = trainIter.dataset.fields.story as BABI20Field;
    expect(TEXT.vocab?.itos.includes('<unk>')).toBe(false);
    const [first] = [...trainIter];
    expect(first.story.shape).toEqual([2, 4, 6]);
    expect(first.query.shape).toEqual([2, 3]);
    expect(first.answer.shape).toEqual([2, 1]);
    const id = (w: string) => TEXT.vocab!.stoi.get(w)!;
    const pad = id('<pad>');
    const ids = Array.from(first.story.dataSync());
    // The first question's story, latest sentence first: "John went to the hallway", "Mary moved to the bathroom", then empty rows.
    // Sentences are padded to the batch's longest, "Daniel went back to the train" (6 words).
    expect(ids.slice(0, 24)).toEqual([
      ...['John', 'went', 'to', 'the', 'hallway'].map(id),
      pad,
      ...['Mary', 'moved', 'to', 'the', 'bathroom'].map(id),
      pad,
      ...Array(12).fill(pad),
    ]);
    expect(ids.slice(24, 30)).toEqual(['Daniel', 'went', 'back', 'to', 'the', 'train'].map(id));
    expect(Array.from(first.answer.dataSync())).toEqual([id('bathroom'), id('train')]);
  });

  it('throws ValueError for a task out of 1..20 and DatasetFormatError for a malformed line', async () => {
    const TEXT = new BABI20Field(50);
    await expect(BABI20.splits(TEXT, { root, mirror, task: 21 })).rejects.toThrow(ValueError);
    await expect(BABI20.splits(TEXT, { root, mirror, task: 21 })).rejects.toThrow('BABI20.splits: task must be an integer from 1 to 20, got 21');
    const path = await BABI20.download({ root, mirror, downloadOptions: quiet });
    const file = join(path, 'qa1_test.txt');
    await writeFile(file, '1 Mary went home.\n2 Where is Mary?\n');
    await expect(BABI20.splits(TEXT, { root, mirror, train: null, validation: null })).rejects.toThrow(DatasetFormatError);
    await expect(BABI20.splits(TEXT, { root, mirror, train: null, validation: null })).rejects.toThrow(
      `BABI20: ${file} line 2: expected a sentence ending in '.' or a question '<question>?\\t<answer>\\t<supporting ids>', got "2 Where is Mary?"`,
    );
  });
});
