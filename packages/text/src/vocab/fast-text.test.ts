import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureBytes, TORCHTEXT, tempFolder } from '../../test/fixtures/vocab/support';
import { FastText } from './fast-text';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await tempFolder('fasttext');
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('FastText', () => {
  it("keeps torchtext's URL pattern and names the file after the URL", () => {
    expect(FastText.urlBase).toBe('https://dl.fbaipublicfiles.com/fasttext/vectors-wiki/wiki.{}.vec');
    const en = new FastText();
    expect([en.name, en.url, en.language]).toEqual(['wiki.en.vec', 'https://dl.fbaipublicfiles.com/fasttext/vectors-wiki/wiki.en.vec', 'en']);
    expect(new FastText({ language: 'simple' }).name).toBe('wiki.simple.vec');
  });

  it('downloads wiki.<language>.vec and reads it past its header line, as torchtext', async () => {
    server.route('/wiki.simple.vec', { body: fixtureBytes('wiki.simple.vec') });
    const fasttext = await new FastText({ language: 'simple', cache: dir, mirror: server.url('/'), downloadOptions: { progress: false } }).load();
    expect(fasttext.itos).toEqual(TORCHTEXT.fasttext.itos);
    expect(Array.from(fasttext.vectors.dataSync())).toEqual(TORCHTEXT.fasttext.vectors);
    const again = await new FastText({ language: 'simple', cache: dir, mirror: server.url('/'), downloadOptions: { progress: false } }).load();
    expect([again.loadedFromCache, server.hits('/wiki.simple.vec')]).toEqual([true, 1]);
  });

  it('reads a gzip-compressed .vec.gz when the url names one', async () => {
    server.route('/compressed/wiki.simple.vec.gz', { body: gzipSync(fixtureBytes('wiki.simple.vec')) });
    const fasttext = await new FastText({ language: 'simple', cache: dir, url: server.url('/compressed/wiki.simple.vec.gz'), downloadOptions: { progress: false } }).load();
    expect([fasttext.name, fasttext.length, fasttext.dim]).toEqual(['wiki.simple.vec.gz', 10, 8]);
  });

  it('refuses a language that is not a plain code', () => {
    expect(() => new FastText({ language: '../etc' })).toThrow(
      new ValueError(`FastText: language must be a code such as 'en' or 'simple' (letters, digits, '-', '_'), got "../etc"`),
    );
  });
});
