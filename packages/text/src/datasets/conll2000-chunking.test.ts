import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { conll2000Files } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { CoNLL2000Chunking } from './conll2000-chunking';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-conll-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'conll2000', conll2000Files());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;
const fields = () =>
  [
    ['text', new Field()],
    ['pos', new Field({ unkToken: null })],
    ['chunk', new Field({ unkToken: null })],
  ] as const;

class LocalCoNLL extends CoNLL2000Chunking {
  static override readonly resources = localChecksums(CoNLL2000Chunking.resources, conll2000Files());
}

describe('CoNLL2000Chunking', () => {
  it("keeps torchtext's URLs, MD5s and the space separator", () => {
    expect(CoNLL2000Chunking.resources.map((r) => [r.url, r.md5, r.check])).toEqual([
      ['https://www.clips.uantwerpen.be/conll2000/chunking/train.txt.gz', '6969c2903a1f19a83569db643e43dcc8', 'train.txt'],
      ['https://www.clips.uantwerpen.be/conll2000/chunking/test.txt.gz', 'a916e1c2d83eb3004b38fc6fcd628939', 'test.txt'],
    ]);
    expect([CoNLL2000Chunking.folder, CoNLL2000Chunking.separator]).toEqual(['conll2000', ' ']);
  });

  it('decompresses the .gz files once and draws the validation split as torchtext did (random.seed(0))', async () => {
    const [train, val, test] = await LocalCoNLL.splits(fields(), { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(CoNLL2000Chunking);
    // CPython: random.seed(0); p = random.sample(range(20), 20); p[:18], p[18:]
    const word = (e: { text?: unknown }) => (e.text as string[])[0];
    expect(train.examples.map(word)).toEqual([12, 13, 1, 8, 15, 6, 19, 4, 7, 5, 9, 3, 2, 11, 17, 0, 14, 16].map((i) => `w${i}`));
    expect(val.examples.map(word)).toEqual(['w18', 'w10']);
    expect({ ...test.getItem(0) }).toEqual({ text: ['t0', 'runs', '.'], pos: ['NN', 'VBZ', '.'], chunk: ['B-NP', 'B-VP', 'O'] });
    expect(test.length).toBe(2);
    expect(val.sortKey?.(val.getItem(0))).toBe(3);
    await LocalCoNLL.splits(fields(), { root, mirror, downloadOptions: quiet, validationFrac: 0.25 }).then(([t, v]) => {
      expect([t.length, v.length]).toEqual([15, 5]);
    });
    expect(hitsOf(server, 'conll2000', conll2000Files())).toBe(2);
  });

  it('refuses a validationFrac outside (0, 1)', async () => {
    await expect(LocalCoNLL.splits(fields(), { root, mirror, validationFrac: 1 })).rejects.toThrow(ValueError);
    await expect(LocalCoNLL.splits(fields(), { root, mirror, validationFrac: 0 })).rejects.toThrow(
      'LocalCoNLL.splits: validationFrac must be between 0 and 1 (exclusive), got 0',
    );
  });
});
