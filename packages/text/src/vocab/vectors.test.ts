import { copyFile, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ShapeError, tensor } from '@dl/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath, TORCHTEXT, tempFolder } from '../../test/fixtures/vocab/support';
import { VectorsCacheError } from '../errors/vectors-cache-error';
import { VectorsError } from '../errors/vectors-error';
import { VectorsFormatError } from '../errors/vectors-format-error';
import { VectorsNotFoundError } from '../errors/vectors-not-found-error';
import { Vectors } from './vectors';

let dir: string;
beforeEach(async () => {
  dir = await tempFolder('vectors');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const values = (v: Vectors) => Array.from(v.vectors.dataSync());

/** A copy of a fixture in the test folder, so the test may change or delete it. */
async function copyFixture(name: string, as = name): Promise<string> {
  const path = join(dir, as);
  await copyFile(fixturePath(name), path);
  return path;
}

describe('Vectors', () => {
  it("reads a GloVe text file as torchtext 0.8.1 does: itos, stoi (last of a repeated word), dim and every float32 bit", async () => {
    const glove = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir }).load();
    const expected = TORCHTEXT.glove;
    expect(glove.itos).toEqual(expected.itos);
    expect(Object.fromEntries(glove.stoi)).toEqual(expected.stoi);
    expect(glove.stoi.get('the')).toBe(26);
    expect(glove.itos).toContain('.\u00a0.\u00a0.'); // non-breaking spaces stay inside the token, as torchtext splits on b" " only
    expect([glove.dim, glove.length]).toEqual([50, 27]);
    expect(glove.vectors.shape).toEqual(expected.shape);
    expect(values(glove)).toEqual(expected.vectors);
    expect(String(glove)).toBe(`Vectors(name='${fixturePath('glove.6B.50d.txt')}', length=27, dim=50)`);
  });

  it("reads a fastText .vec as torchtext does: the 'count dim' header line skipped, trailing spaces ignored", async () => {
    const fasttext = await new Vectors(fixturePath('wiki.simple.vec'), { cache: dir }).load();
    expect(fasttext.itos).toEqual(TORCHTEXT.fasttext.itos);
    expect(fasttext.dim).toBe(8);
    expect(values(fasttext)).toEqual(TORCHTEXT.fasttext.vectors);
  });

  it('get and getVecsByTokens match torchtext: zeros for unknown words, lowerCaseBackup tries the lower case', async () => {
    const glove = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir }).load();
    const probe = TORCHTEXT.glove_get_vecs_by_tokens;
    const plain = glove.getVecsByTokens(probe.tokens);
    expect(plain.shape).toEqual([probe.tokens.length, 50]);
    expect(Array.from(plain.dataSync())).toEqual(probe.plain);
    expect(Array.from(glove.getVecsByTokens(probe.tokens, true).dataSync())).toEqual(probe.lower_case_backup);
    const one = glove.getVecsByTokens('paris');
    expect(one.shape).toEqual([50]);
    expect(Array.from(one.dataSync())).toEqual(probe.single);
    expect(Array.from(glove.get('paris').dataSync())).toEqual(probe.single);
    expect(Array.from(glove.get('unknown-word').dataSync())).toEqual(new Array(50).fill(0));
    expect([glove.has('paris'), glove.has('Paris'), glove.has('PARIS')]).toEqual([true, true, false]);
  });

  it('gives unkInit the zero vector of a missing word and uses what it returns', async () => {
    const glove = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir, unkInit: (t) => t.add(0.25) }).load();
    expect(Array.from(glove.get('missing').dataSync())).toEqual(new Array(50).fill(0.25));
    expect(Array.from(glove.get('the').dataSync())).toEqual(TORCHTEXT.glove.vectors.slice(26 * 50, 27 * 50));
    glove.unkInit = () => tensor([1, 2]);
    expect(() => glove.get('missing')).toThrow(new ShapeError('Vectors.get: unkInit must return a Tensor of shape [50] (the shape it was given), got [2]'));
  });

  it('reads only the first maxVectors vectors, as torchtext, and caches them apart', async () => {
    const five = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir, maxVectors: 5 }).load();
    expect(five.itos).toEqual(TORCHTEXT.glove_max_vectors_5.itos);
    expect(values(five)).toEqual(TORCHTEXT.glove_max_vectors_5.vectors);
    expect(five.cachePath).toBe(join(dir, 'glove.6B.50d.txt_5.dlvec'));
    const all = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir }).load();
    expect([all.length, all.cachePath, all.loadedFromCache]).toEqual([27, join(dir, 'glove.6B.50d.txt.dlvec'), false]);
  });

  it('writes a binary cache on the first load and answers the next loads from it, equal, even once the text file is gone', async () => {
    const source = await copyFixture('glove.6B.50d.txt');
    const first = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
    expect([first.loadedFromCache, first.cachePath]).toEqual([false, `${source}.dlvec`]);
    const second = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
    expect(second.loadedFromCache).toBe(true);
    expect(second.itos).toEqual(first.itos);
    expect(Object.fromEntries(second.stoi)).toEqual(TORCHTEXT.glove.stoi);
    expect(values(second)).toEqual(values(first));
    expect(Array.from(second.getVecsByTokens(TORCHTEXT.glove_get_vecs_by_tokens.tokens, true).dataSync())).toEqual(TORCHTEXT.glove_get_vecs_by_tokens.lower_case_backup);
    await rm(source);
    const third = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
    expect([third.loadedFromCache, third.length]).toEqual([true, 27]);
    expect(values(third)).toEqual(values(first));
  });

  it('parses the text again when it changed since the cache was written', async () => {
    const source = join(dir, 'small.txt');
    await writeFile(source, 'a 1 2\nb 3 4\n');
    expect((await new Vectors('small.txt', { cache: dir }).load()).itos).toEqual(['a', 'b']);
    await writeFile(source, 'a 1 2\nb 3 4\nc 5 6\n');
    const grown = await new Vectors('small.txt', { cache: dir }).load();
    expect([grown.loadedFromCache, grown.itos]).toEqual([false, ['a', 'b', 'c']]);
    // Same size, other content: the modification time tells.
    await writeFile(source, 'a 1 2\nb 3 4\nc 5 7\n');
    const later = new Date(Date.now() + 5000);
    await utimes(source, later, later);
    const edited = await new Vectors('small.txt', { cache: dir }).load();
    expect([edited.loadedFromCache, Array.from(edited.get('c').dataSync())]).toEqual([false, [5, 7]]);
  });

  describe('a corrupt cache', () => {
    const corruptions: [string, (bytes: Buffer) => Buffer][] = [
      ['garbage', () => Buffer.from('this is not a vectors cache at all, just some text')],
      ['an empty file', () => Buffer.alloc(0)],
      ['a truncated file', (b) => b.subarray(0, b.length - 100)],
      ['a byte changed in the vectors', (b) => Buffer.concat([b.subarray(0, 200), Buffer.from([b[200]! ^ 0x10]), b.subarray(201)])],
      ['a byte changed in the words', (b) => Buffer.concat([b.subarray(0, b.length - 3), Buffer.from([b[b.length - 3]! ^ 0x01]), b.subarray(b.length - 2)])],
      ['a byte changed in the header', (b) => Buffer.concat([b.subarray(0, 13), Buffer.from([b[13]! ^ 0x01]), b.subarray(14)])],
      ['another format version', (b) => Buffer.concat([b.subarray(0, 8), Buffer.from([2, 0, 0, 0]), b.subarray(12)])],
    ];
    for (const [what, corrupt] of corruptions) {
      it(`is rebuilt from the text file: ${what}`, async () => {
        await copyFixture('glove.6B.50d.txt');
        const first = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
        const cache = first.cachePath;
        const { mtime } = await stat(cache);
        await writeFile(cache, corrupt(await readFile(cache)));
        await utimes(cache, mtime, mtime);
        const again = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
        expect(again.loadedFromCache).toBe(false);
        expect(values(again)).toEqual(TORCHTEXT.glove.vectors);
        expect((await new Vectors('glove.6B.50d.txt', { cache: dir }).load()).loadedFromCache).toBe(true);
      });
    }

    it('throws a VectorsCacheError naming the cache and the damage when the text file is gone', async () => {
      const source = await copyFixture('glove.6B.50d.txt');
      const { cachePath } = await new Vectors('glove.6B.50d.txt', { cache: dir }).load();
      const bytes = await readFile(cachePath);
      bytes[300] = bytes[300]! ^ 0xff;
      await writeFile(cachePath, bytes);
      await rm(source);
      await expect(new Vectors('glove.6B.50d.txt', { cache: dir }).load()).rejects.toThrow(
        new VectorsCacheError(
          `Vectors: the vectors cache ${cachePath} is unusable: its data checksum does not match (the file was changed or damaged); it cannot be rebuilt because ${source} is missing and there is no url to download it from (delete the cache file and provide the vectors file)`,
          { path: cachePath },
        ),
      );
    });
  });

  it('reads a gzip-compressed file (.gz) on the fly, as torchtext', async () => {
    await writeFile(join(dir, 'glove.6B.50d.txt.gz'), gzipSync(await readFile(fixturePath('glove.6B.50d.txt'))));
    const glove = await new Vectors('glove.6B.50d.txt.gz', { cache: dir }).load();
    expect(glove.itos).toEqual(TORCHTEXT.glove.itos);
    expect(values(glove)).toEqual(TORCHTEXT.glove.vectors);
  });

  it('throws a VectorsFormatError for a .gz file that is not gzip', async () => {
    const path = join(dir, 'broken.txt.gz');
    await writeFile(path, 'plain text, not gzip');
    const error = await new Vectors('broken.txt.gz', { cache: dir }).load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VectorsFormatError);
    expect((error as Error).message).toMatch(new RegExp(`^Vectors: ${path.replace(/[.\\/]/g, '\\$&')} cannot be read as gzip-compressed text: `));
  });

  it("throws a VectorsNotFoundError when the file is nowhere and there is no url (torchtext's 'no vectors found')", async () => {
    const path = join(dir, 'missing.txt');
    await expect(new Vectors('missing.txt', { cache: dir }).load()).rejects.toThrow(
      new VectorsNotFoundError(`Vectors: no vectors found at ${path} (not a file, and no url to download it from)`, { path }),
    );
  });

  it('throws a VectorsError when used before load(), and shares one load between calls', async () => {
    const vectors = new Vectors(fixturePath('wiki.simple.vec'), { cache: dir });
    expect(() => vectors.dim).toThrow(new VectorsError(`Vectors '${fixturePath('wiki.simple.vec')}' is not loaded yet: await vectors.load() first (Vocab.loadVectors loads it for you)`));
    expect([vectors.isLoaded, String(vectors)]).toEqual([false, `Vectors(name='${fixturePath('wiki.simple.vec')}', loaded=false)`]);
    const [a, b] = await Promise.all([vectors.load(), vectors.load()]);
    expect(a).toBe(vectors);
    expect(b).toBe(vectors);
    expect(vectors.isLoaded).toBe(true);
  });

  it('checks its arguments', () => {
    expect(() => new Vectors('')).toThrow('Vectors: name must be a non-empty string (a file name or path), got ""');
    expect(() => new Vectors('x.txt', { maxVectors: -1 })).toThrow('Vectors: maxVectors must be an integer >= 0, got -1');
    expect(() => new Vectors('x.txt', { unkInit: 3 as never })).toThrow('Vectors: unkInit must be a function (tensor) => tensor, got number');
    expect(new Vectors('x.txt').cache).toBe('.vector_cache');
    expect(new Vectors('x.txt', { maxVectors: 0 }).maxVectors).toBeUndefined();
    expect(new Vectors('x.txt', { url: 'https://example.org/v/x.zip', mirror: 'http://127.0.0.1:9/m/' }).url).toBe('http://127.0.0.1:9/m/x.zip');
  });
});
