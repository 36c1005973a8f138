import { rm } from 'node:fs/promises';
import { buildTar, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureBytes, TORCHTEXT, tempFolder } from '../../test/fixtures/vocab/support';
import { CharNGram } from './char-ngram';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await tempFolder('charngram');
  server = await startTestServer();
  // The JMT archive holds charNgram.txt at its top level (torchtext extracts it into the cache folder).
  server.route('/jmt_pre-trained_embeddings.tar.gz', {
    body: buildTar([{ name: 'charNgram.txt', data: fixtureBytes('charNgram.txt') }, { name: 'README', data: 'JMT embeddings' }], { gzip: true }),
  });
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const load = () => new CharNGram({ cache: dir, mirror: server.url('/'), downloadOptions: { progress: false } }).load();

describe('CharNGram', () => {
  it("keeps torchtext's file name and URL", () => {
    expect([CharNGram.fileName, CharNGram.url]).toEqual([
      'charNgram.txt',
      'http://www.logos.t.u-tokyo.ac.jp/~hassy/publications/arxiv2016jmt/jmt_pre-trained_embeddings.tar.gz',
    ]);
    expect(new CharNGram().url).toBe(CharNGram.url);
  });

  it('downloads and extracts the .tar.gz, and reads the n-gram vectors as torchtext', async () => {
    const charngram = await load();
    expect(charngram.itos).toEqual(TORCHTEXT.charngram.itos);
    expect(charngram.dim).toBe(10);
    expect(Array.from(charngram.vectors.dataSync())).toEqual(TORCHTEXT.charngram.vectors);
    expect(server.hits('/jmt_pre-trained_embeddings.tar.gz')).toBe(1);
  });

  it("gives a word the mean of its 2-, 3- and 4-gram vectors, bit for bit as torchtext's CharNGram[word] (zeros for '<unk>' and words without n-grams)", async () => {
    const charngram = await load();
    const { tokens, vectors } = TORCHTEXT.charngram_get;
    tokens.forEach((token, i) => {
      const v = charngram.get(token);
      expect(v.shape).toEqual([10]);
      expect([token, Array.from(v.dataSync())]).toEqual([token, vectors[i]]);
    });
    expect(Array.from(charngram.get('zzz').dataSync())).toEqual(new Array(10).fill(0));
    expect(Array.from(charngram.getVecsByTokens(tokens).dataSync())).toEqual(vectors.flat());
  });

  it("applies unkInit to '<unk>' and to words without any known n-gram", async () => {
    const charngram = await new CharNGram({ cache: dir, mirror: server.url('/'), downloadOptions: { progress: false }, unkInit: (t) => t.add(1) }).load();
    expect(Array.from(charngram.get('<unk>').dataSync())).toEqual(new Array(10).fill(1));
    expect(Array.from(charngram.get('zzz').dataSync())).toEqual(new Array(10).fill(1));
    expect(Array.from(charngram.get('chip').dataSync())).toEqual(TORCHTEXT.charngram_get.vectors[0]);
  });
});
