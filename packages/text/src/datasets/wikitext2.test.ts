import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChecksumError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { wikiTextArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { WikiText2 } from './wikitext2';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-wikitext2-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'wikitext-2', wikiTextArchive('2'));
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const quiet = { progress: false, retries: 0 } as const;

class LocalWikiText2 extends WikiText2 {
  static override readonly resources = localChecksums(WikiText2.resources, wikiTextArchive('2'));
}

describe('WikiText2', () => {
  it("keeps torchtext's URL, MD5 and layout", () => {
    expect(WikiText2.resources).toEqual([
      { url: 'https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-2-v1.zip', md5: '542ccefacc6c27f945fb54453812b3cd', extract: true, check: 'wikitext-2' },
    ]);
    expect([WikiText2.folder, WikiText2.dirname]).toEqual(['wikitext-2', 'wikitext-2']);
    expect(WikiText2.splitFiles).toEqual({ train: 'wiki.train.tokens', validation: 'wiki.valid.tokens', test: 'wiki.test.tokens' });
  });

  it('refuses an archive whose MD5 is not the real one', async () => {
    await expect(WikiText2.splits(new Field(), { root, mirror, downloadOptions: quiet })).rejects.toThrow(ChecksumError);
  });

  it('extracts wikitext-2-v1.zip once and reads the token files', async () => {
    const [train, val, test] = await LocalWikiText2.splits(new Field({ lower: true }), { root, mirror, downloadOptions: quiet });
    expect(train).toBeInstanceOf(WikiText2);
    expect(train.getItem(0).text).toEqual(['<eos>', '=', 'valkyria', 'chronicles', 'iii', '=', '<eos>', '<eos>', 'senjō', 'no', 'valkyria', '3', ':', '<unk>', 'chronicles', '<eos>']);
    expect(val.getItem(0).text).toEqual(['<eos>', '=', 'homarus', 'gammarus', '=', '<eos>']);
    expect(test.getItem(0).text).toEqual(['<eos>', '=', 'robert', '<unk>', '=', '<eos>']);
    await LocalWikiText2.splits(new Field(), { root, mirror, downloadOptions: quiet });
    expect(hitsOf(server, 'wikitext-2', wikiTextArchive('2'))).toBe(1);
  });
});
