import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../../../test/fixtures/vocab/support';
import { VectorsCacheError } from '../../errors/vectors-cache-error';
import { readVectorsCache, writeVectorsCache } from './vectors-cache-file';
import { WordTable } from './word-table';

let dir: string;
beforeEach(async () => {
  dir = await tempFolder('cache-file');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const vectors = () => ({ dim: 2, data: Float32Array.from([1, 2, 3, 4, 5, 6]), table: WordTable.fromWords(['a', 'é', 'a']) });

describe('the vectors cache file', () => {
  it('reads back what was written, with the stamp of its source', async () => {
    const path = join(dir, 'v.dlvec');
    await writeVectorsCache(path, vectors(), { size: 123, mtimeMs: 456.5 });
    const read = await readVectorsCache(path);
    if (!read || !('vectors' in read)) throw new Error(`expected vectors, got ${JSON.stringify(read)}`);
    expect(read.source).toEqual({ size: 123, mtimeMs: 456.5 });
    expect([read.vectors.dim, Array.from(read.vectors.data), read.vectors.table.all(), read.vectors.table.indexOf('a')]).toEqual([2, [1, 2, 3, 4, 5, 6], ['a', 'é', 'a'], 2]);
    expect((await readFile(path)).length).toBe(64 + 6 * 4 + 4 * 4 + 3 * 4 + 8 * 4 + 4);
  });

  it('is undefined when missing, and names the damage otherwise', async () => {
    const path = join(dir, 'v.dlvec');
    expect(await readVectorsCache(path)).toBeUndefined();
    await writeVectorsCache(path, vectors(), undefined);
    const good = await readFile(path);
    const damaged = async (bytes: Buffer) => {
      await writeFile(path, bytes);
      return readVectorsCache(path);
    };
    expect(await damaged(good.subarray(0, 10))).toEqual({ corrupt: 'it is 10 bytes, shorter than the 64-byte header' });
    expect(await damaged(Buffer.concat([Buffer.from('X'), good.subarray(1)]))).toEqual({ corrupt: 'it does not start with the DLTXTVEC signature' });
    expect(await damaged(Buffer.concat([good, Buffer.from([0])]))).toEqual({ corrupt: `it is ${good.length + 1} bytes, its header describes ${good.length} (truncated or overwritten)` });
    const flipped = Buffer.from(good);
    flipped[70] = flipped[70]! ^ 1;
    expect(await damaged(flipped)).toEqual({ corrupt: 'its data checksum does not match (the file was changed or damaged)' });
    const header = Buffer.from(good);
    header[16] = header[16]! + 1;
    expect(await damaged(header)).toEqual({ corrupt: 'its header checksum does not match' });
  });

  it('throws a VectorsCacheError when the cache cannot be written', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'a file where a folder should be');
    const path = join(blocker, 'v.dlvec');
    await expect(writeVectorsCache(path, vectors(), undefined)).rejects.toThrow(new VectorsCacheError(`Vectors: cannot write the vectors cache ${path} (EEXIST)`, { path }));
  });
});
