import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DownloadError } from '@dl/core/node';
import { buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureBytes, TORCHTEXT, tempFolder, vectorsText } from '../../test/fixtures/vocab/support';
import { VectorsAliasError } from '../errors/vectors-alias-error';
import { VectorsNotFoundError } from '../errors/vectors-not-found-error';
import { GloVe } from './glove';

let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = await tempFolder('glove');
  server = await startTestServer();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const WORDS = ['the', ',', '.', 'of', 'paris', 'france'];

/** glove.6B.zip as Stanford publishes it: one member per dimension; the 50d one is the torchtext fixture. */
function glove6BZip(): Buffer {
  return buildZip([
    { name: 'glove.6B.50d.txt', data: fixtureBytes('glove.6B.50d.txt') },
    { name: 'glove.6B.100d.txt', data: vectorsText(WORDS, 100, 100) },
    { name: 'glove.6B.200d.txt', data: vectorsText(WORDS, 200, 200) },
    { name: 'glove.6B.300d.txt', data: vectorsText(WORDS, 300, 300) },
  ]);
}

const quiet = { progress: false as const };

describe('GloVe', () => {
  it("keeps torchtext's URLs, and the dimensions Stanford publishes", () => {
    expect(GloVe.urls).toEqual({
      '42B': 'http://nlp.stanford.edu/data/glove.42B.300d.zip',
      '840B': 'http://nlp.stanford.edu/data/glove.840B.300d.zip',
      'twitter.27B': 'http://nlp.stanford.edu/data/glove.twitter.27B.zip',
      '6B': 'http://nlp.stanford.edu/data/glove.6B.zip',
    });
    const glove = new GloVe();
    expect([glove.name, glove.url, glove.cache, glove.corpus, glove.requestedDim]).toEqual([
      'glove.840B.300d.txt',
      'http://nlp.stanford.edu/data/glove.840B.300d.zip',
      '.vector_cache',
      '840B',
      300,
    ]);
    expect(new GloVe({ name: 'twitter.27B', dim: '25' }).name).toBe('glove.twitter.27B.25d.txt');
  });

  it('downloads the zip once (with a progress display), extracts it and reads the member of the asked dimension', async () => {
    server.route('/glove.6B.zip', { body: glove6BZip(), chunkSize: 4096 });
    const lines: string[] = [];
    const progressStream = { write: (text: string) => lines.push(text) };
    const glove = await new GloVe({ name: '6B', dim: 50, cache: dir, mirror: server.url('/'), downloadOptions: { progress: 'lines', progressStream } }).load();
    expect(glove.url).toBe(server.url('/glove.6B.zip'));
    expect(glove.itos).toEqual(TORCHTEXT.glove.itos);
    expect(Array.from(glove.vectors.dataSync())).toEqual(TORCHTEXT.glove.vectors);
    expect(lines.join('')).toContain('glove.6B.zip');
    expect((await readdir(dir)).sort()).toEqual(['glove.6B.100d.txt', 'glove.6B.200d.txt', 'glove.6B.300d.txt', 'glove.6B.50d.txt', 'glove.6B.50d.txt.dlvec', 'glove.6B.zip']);

    // Another dimension of the same set: already extracted, no second download.
    const g300 = await new GloVe({ name: '6B', dim: 300, cache: dir, mirror: server.url('/'), downloadOptions: quiet }).load();
    expect([g300.dim, g300.itos]).toEqual([300, WORDS]);
    expect(server.hits('/glove.6B.zip')).toBe(1);
  });

  it('answers from the cache once the text and the zip are gone, without the network', async () => {
    server.route('/glove.6B.zip', { body: glove6BZip() });
    const options = { name: '6B' as const, dim: 100, cache: dir, mirror: server.url('/'), downloadOptions: quiet };
    const first = await new GloVe(options).load();
    await rm(join(dir, 'glove.6B.zip'));
    await rm(join(dir, 'glove.6B.100d.txt'));
    await server.close();
    const again = await new GloVe(options).load();
    expect(again.loadedFromCache).toBe(true);
    expect(Array.from(again.vectors.dataSync())).toEqual(Array.from(first.vectors.dataSync()));
  });

  it('rebuilds a corrupt cache from the zip already downloaded when the text is gone', async () => {
    server.route('/glove.6B.zip', { body: glove6BZip() });
    const options = { name: '6B' as const, dim: 50, cache: dir, mirror: server.url('/'), downloadOptions: quiet };
    const { cachePath } = await new GloVe(options).load();
    await writeFile(cachePath, (await readFile(cachePath)).subarray(0, 100));
    await rm(join(dir, 'glove.6B.50d.txt'));
    const again = await new GloVe(options).load();
    expect([again.loadedFromCache, server.hits('/glove.6B.zip')]).toEqual([false, 1]);
    expect(Array.from(again.vectors.dataSync())).toEqual(TORCHTEXT.glove.vectors);
  });

  it('takes the mirror from $DL_TEXT_VECTORS_MIRROR, and an explicit url over both', async () => {
    server.route('/mirror/glove.twitter.27B.zip', { body: buildZip([{ name: 'glove.twitter.27B.25d.txt', data: vectorsText(WORDS, 25) }]) });
    vi.stubEnv('DL_TEXT_VECTORS_MIRROR', server.url('/mirror'));
    const twitter = await new GloVe({ name: 'twitter.27B', dim: 25, cache: dir, downloadOptions: quiet }).load();
    expect([twitter.url, twitter.dim, twitter.length]).toEqual([server.url('/mirror/glove.twitter.27B.zip'), 25, 6]);
    expect(new GloVe({ name: '6B', dim: 50, url: 'http://127.0.0.1:1/elsewhere/g.zip' }).url).toBe('http://127.0.0.1:1/elsewhere/g.zip');
  });

  it("throws a VectorsNotFoundError when the archive lacks the member (torchtext: 'no vectors found')", async () => {
    server.route('/glove.6B.zip', { body: buildZip([{ name: 'glove.6B.50d.txt', data: vectorsText(WORDS, 50) }]) });
    const path = join(dir, 'glove.6B.200d.txt');
    await expect(new GloVe({ name: '6B', dim: 200, cache: dir, mirror: server.url('/'), downloadOptions: quiet }).load()).rejects.toThrow(
      new VectorsNotFoundError(`Vectors: no vectors found at ${path} after downloading ${server.url('/glove.6B.zip')} into ${dir}`, { path }),
    );
  });

  it("passes on @dl/core's DownloadError when the server fails, and a later load() tries again", async () => {
    server.route('/glove.6B.zip', [{ status: 404, body: 'gone' }, { body: glove6BZip() }]);
    const glove = new GloVe({ name: '6B', dim: 50, cache: dir, mirror: server.url('/'), downloadOptions: { ...quiet, retries: 0 } });
    const error = await glove.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    await expect(access(join(dir, 'glove.6B.zip'))).rejects.toThrow();
    expect((await glove.load()).length).toBe(27);
  });

  it('refuses names and dimensions Stanford does not publish with a VectorsAliasError', () => {
    expect(() => new GloVe({ name: '6B', dim: 51 })).toThrow(new VectorsAliasError("GloVe: the '6B' vectors come in dim 50, 100, 200, 300, got 51"));
    expect(() => new GloVe({ name: '840B', dim: 100 })).toThrow(new VectorsAliasError("GloVe: the '840B' vectors come in dim 300, got 100"));
    expect(() => new GloVe({ name: '7B' as never })).toThrow(new VectorsAliasError(`GloVe: name must be one of '42B', '840B', 'twitter.27B', '6B', got "7B"`));
  });
});
