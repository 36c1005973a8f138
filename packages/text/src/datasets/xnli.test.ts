import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { xnliArchive } from '../../test/fixtures/datasets/text-archives';
import { Field } from '../data/fields/field';
import { XNLI } from './xnli';

let root: string;
let server: TestServer;
let mirror: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-xnli-'));
  server = await startTestServer();
  mirror = serveDataset(server, 'xnli', xnliArchive());
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('XNLI', () => {
  it('reads the dev and test sets with genre and language fields', async () => {
    expect(XNLI.resources[0].url).toBe('http://www.nyu.edu/projects/bowman/xnli/XNLI-1.0.zip');
    const LANG = new Field({ sequential: false });
    const GENRE = new Field({ sequential: false });
    const [val, test] = await XNLI.splits(new Field(), new Field({ sequential: false }), { root, mirror, downloadOptions: { progress: false, retries: 0 }, languageField: LANG, genreField: GENRE });
    expect(val).toBeInstanceOf(XNLI);
    expect(val.examples.map((e) => ({ ...e }))).toEqual([
      { premise: ['Il', 'a', 'dit', 'bonjour.'], hypothesis: ['Il', 'est', 'parti.'], label: 'neutral', genre: 'facetoface', language: 'fr' },
    ]);
    expect(test.getItem(0)).toMatchObject({ label: 'entailment', language: 'en', genre: 'travel' });
  });

  it('has no iters, as classic torchtext', async () => {
    await expect(XNLI.iters()).rejects.toThrow(ValueError);
    await expect(XNLI.iters()).rejects.toThrow('XNLI.iters: XNLI has no training split to build vocabularies on; use XNLI.splits with fields whose vocab you build on MultiNLI');
  });
});
