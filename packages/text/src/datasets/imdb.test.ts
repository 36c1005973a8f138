import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChecksumError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { imdbArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { LabelField } from '../data/fields/label-field';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { IMDB } from './imdb';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-imdb-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'imdb', imdbArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

/** IMDB with the MD5 of the test archive in place of the real one. */
class LocalIMDB extends IMDB {
  static override readonly resources = localChecksums(IMDB.resources, imdbArchive());
}

describe('IMDB', () => {
  it("keeps torchtext's URL, MD5 and layout", () => {
    expect(IMDB.resources).toEqual([
      { url: 'http://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz', md5: '7c2ac02c03563afcf9b574c7e56c153a', extract: true, check: 'aclImdb' },
    ]);
    expect([IMDB.folder, IMDB.dirname]).toEqual(['imdb', 'aclImdb']);
  });

  it('verifies the archive against the real MD5', async () => {
    await expect(IMDB.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet })).rejects.toThrow(ChecksumError);
  });

  it('downloads and extracts aclImdb_v1.tar.gz once and reads pos/ and neg/ of train and test', async () => {
    const [train, test] = await LocalIMDB.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(IMDB);
    expect(train.examples.map((e) => e.label)).toEqual(['pos', 'pos', 'neg']);
    expect(train.getItem(0).text).toEqual(['Bromwell', 'High', 'is', 'a', 'cartoon', 'comedy.<br', '/><br', '/>Loved', 'it']);
    expect(train.getItem(1).text).toEqual(['A', 'fine', 'film.']);
    expect(train.getItem(2).text).toEqual(['Story', 'of', 'a', 'man', 'who', 'has', 'unnatural', 'feelings', 'for', 'a', 'pig.']);
    expect(test.examples.map((e) => [(e.text as string[])[0], e.label])).toEqual([
      ['I', 'pos'],
      ['Once', 'neg'],
      ['This', 'neg'],
    ]);
    await LocalIMDB.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet, test: null });
    expect(hitsOf(server, 'imdb', imdbArchive())).toBe(1);
  });

  it('throws DatasetMissingFileError for a missing split folder', async () => {
    const run = LocalIMDB.splits(new Field(), new LabelField(), { root, mirror, downloadOptions: quiet, test: 'dev' });
    await expect(run).rejects.toThrow(DatasetMissingFileError);
    await expect(LocalIMDB.splits(new Field(), new LabelField(), { root, mirror, test: 'dev' })).rejects.toThrow(
      `IMDB: the review folder ${join(root, 'imdb', 'aclImdb', 'dev', 'pos')} does not exist`,
    );
  });
});
