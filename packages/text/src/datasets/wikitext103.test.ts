import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hitsOf, localChecksums, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { wikiTextArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { WikiText103 } from './wikitext103';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-wikitext103-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'wikitext-103', wikiTextArchive('103'));
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

class LocalWikiText103 extends WikiText103 {
  static override readonly resources = localChecksums(WikiText103.resources, wikiTextArchive('103'));
}

describe('WikiText103', () => {
  it("keeps torchtext's URL, MD5 and layout", () => {
    expect(WikiText103.resources).toEqual([
      { url: 'https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-103-v1.zip', md5: '9ddaacaf6af0710eda8c456decff7832', extract: true, check: 'wikitext-103' },
    ]);
    expect([WikiText103.folder, WikiText103.dirname]).toEqual(['wikitext-103', 'wikitext-103']);
  });

  it('extracts wikitext-103-v1.zip once and reads the token files', async () => {
    const [train, test] = await LocalWikiText103.splits(new Field(), { root, mirror, downloadOptions: { progress: false, retries: 0 }, validation: null });
    expect(train).toBeInstanceOf(WikiText103);
    expect((train.getItem(0).text as string[]).slice(0, 6)).toEqual(['<eos>', '=', 'Valkyria', 'Chronicles', 'III', '=']);
    expect(test.getItem(0).text).toEqual(['<eos>', '=', 'Robert', '<unk>', '=', '<eos>']);
    expect(train.name).toBe('wikitext-103');
    await LocalWikiText103.splits(new Field(), { root, mirror });
    expect(hitsOf(server, 'wikitext-103', wikiTextArchive('103'))).toBe(1);
  });
});
