import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { multi30kArchives } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { interleaveKeys } from '../data/utils/interleave-keys';
import { Multi30k } from './multi30k';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-multi30k-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'multi30k', multi30kArchives());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalMulti30k extends Multi30k {
  static override readonly resources = localChecksums(Multi30k.resources, multi30kArchives());
}

describe('Multi30k', () => {
  it("keeps classic torchtext's URLs, with the SHA-256s of later releases", () => {
    expect(Multi30k.resources.map((r) => [r.url, r.sha256?.slice(0, 8), r.check])).toEqual([
      ['http://www.quest.dcs.shef.ac.uk/wmt16_files_mmt/training.tar.gz', '20140d01', 'train.en'],
      ['http://www.quest.dcs.shef.ac.uk/wmt16_files_mmt/validation.tar.gz', 'a7aa20e9', 'val.en'],
      ['http://www.quest.dcs.shef.ac.uk/wmt17_files_mmt/mmt_task1_test2016.tar.gz', undefined, 'test2016.en'],
    ]);
    expect(Multi30k.splitFiles).toEqual({ train: 'train', validation: 'val', test: 'test2016' });
  });

  it('downloads the three archives once and pairs the lines of each split', async () => {
    const DE = new Field({ lower: true });
    const EN = new Field({ lower: true });
    const [train, val, test] = await LocalMulti30k.splits(['.de', '.en'], [DE, EN], { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(Multi30k);
    expect(train.length).toBe(2);
    expect(train.getItem(0).src).toEqual(['zwei', 'junge', 'weiße', 'männer', 'sind', 'im', 'freien.']);
    expect(train.getItem(0).trg).toEqual(['two', 'young,', 'white', 'males', 'are', 'outside.']);
    expect(val.getItem(0).trg).toEqual(['a', 'group', 'of', 'men', 'are', 'loading', 'cotton.']);
    expect(test.getItem(0).src).toEqual(['ein', 'mann', 'mit', 'einem', 'orangefarbenen', 'hut.']);
    expect(train.fields).toEqual({ src: DE, trg: EN });
    expect(train.sortKey?.(train.getItem(0))).toBe(interleaveKeys(7, 6));
    await LocalMulti30k.splits(['.de', '.en'], [DE, EN], { root, mirror, downloadOptions: quiet });
    expect(hitsOf(server, 'multi30k', multi30kArchives())).toBe(3);
  });

  it('reads the French test captions with other extensions and named fields', async () => {
    const FR = new Field();
    const EN = new Field();
    const [test] = await LocalMulti30k.splits(
      ['.en', '.fr'],
      [
        ['english', EN],
        ['french', FR],
      ],
      { root, mirror, downloadOptions: quiet, train: null, validation: null },
    );
    expect(test.getItem(0)).toMatchObject({ english: ['A', 'man', 'in', 'an', 'orange', 'hat.'], french: ['Un', 'homme', 'avec', 'un', 'chapeau', 'orange.'] });
    expect(test.sortKey?.(test.getItem(0))).toBe(interleaveKeys(6, 6));
  });
});
