import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharpEncode } from '../../test/support/sharp-encode';
import { writeLmdb } from '../../test/support/write-lmdb';
import { ImageError } from '../errors/image-error';
import { Image } from '../image/image';
import { LSUNClass } from './lsun-class';

/** The installed lmdb build's LMDB patch version: 90 (data format 2) for the prebuilt binaries. */
const lmdbPatch = ((await import('lmdb')) as { version?: { patch: number } }).version?.patch ?? 90;

let root: string;
let db: string;
const ids = ['f0e1d2c3b4a5968778695a4b3c2d1e0f00112233', '0000aaaabbbbccccddddeeeeffff000011112222', '7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a'];
const colors: Array<[number, number, number]> = [
  [250, 0, 0],
  [0, 250, 0],
  [0, 0, 250],
];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-lsun-class-'));
  db = join(root, 'bedroom_val_lmdb');
  // LSUN stores WebP (and, in older dumps, JPEG) bytes under 40-character hex ids.
  await writeLmdb(db, [
    [ids[0]!, await sharpEncode(Image.new('RGB', [4, 3], colors[0]), 'webp')],
    [ids[1]!, await sharpEncode(Image.new('RGB', [4, 3], colors[1]), 'jpeg')],
    [ids[2]!, await sharpEncode(Image.new('RGB', [5, 2], colors[2]), 'webp')],
  ]);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('LSUNClass', () => {
  it('serves [RGB image, null] in key order, as the cursor walk of torchvision', async () => {
    const data = await new LSUNClass(db).prepare();
    expect(data.length).toBe(3);
    expect([0, 1, 2].map((i) => Buffer.from(data.key(i)).toString('latin1'))).toEqual([ids[1], ids[2], ids[0]]);
    const [first, target] = await data.getItem(0);
    expect(String(first)).toBe('<Image mode=RGB size=4x3>');
    expect(target).toBeNull();
    const [g] = first.getPixel(1, 1) as number[];
    expect(Math.abs(g! - 0)).toBeLessThanOrEqual(3); // JPEG: green, close to exact
    expect((await data.getItem(1))[0].getPixel(0, 0)).toEqual(colors[2]); // lossless WebP: exact
    expect((await data.getItem(-1))[0].getPixel(0, 0)).toEqual(colors[0]);
    expect(String(data)).toBe(
      `Dataset LSUNClass\n    Number of datapoints: 3\n    Root Location: ${db}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
    await data.close();
  });

  it('applies transform and targetTransform', async () => {
    const data = new LSUNClass(db, { transform: (img: Image) => img.size, targetTransform: (t: null) => String(t) });
    expect(await data.getItem(1)).toEqual([[5, 2], 'null']);
    await data.close();
  });

  it('rejects a missing database folder (LSUN has no download) and one without data.mdb', async () => {
    const missing = join(root, 'tower_val_lmdb');
    const message = (path: string) =>
      `LSUNClass: no LMDB database in ${path} (${join(path, 'data.mdb')} not found); LSUN has no download here: get the *_lmdb.zip files with LSUN's download.py and unzip them into root`;
    await expect(new LSUNClass(missing).prepare()).rejects.toThrow(new DatasetError(message(missing)));
    await mkdir(missing);
    await expect(new LSUNClass(missing).prepare()).rejects.toThrow(new DatasetError(message(missing)));
  });

  it('rejects a data.mdb that is not an LMDB database, naming the folder', async () => {
    const bad = join(root, 'bridge_val_lmdb');
    await mkdir(bad);
    await writeFile(join(bad, 'data.mdb'), Buffer.alloc(20000, 7));
    // Handed to LMDB, such a file crashes the process (LMDB trusts its input): it is refused before.
    await expect(new LSUNClass(bad).prepare()).rejects.toThrow(
      new DatasetError(`LSUNClass: ${join(bad, 'data.mdb')} is not an LMDB database (no LMDB meta page at its start, or cut short)`),
    );
    await writeFile(join(bad, 'data.mdb'), (await readFile(join(db, 'data.mdb'))).subarray(0, 5000));
    await expect(new LSUNClass(bad).prepare()).rejects.toThrow(
      new DatasetError(`LSUNClass: ${join(bad, 'data.mdb')} is not an LMDB database (no LMDB meta page at its start, or cut short)`),
    );
  });

  it('rejects a value that is not an image with an ImageError naming the key and the database', async () => {
    const bad = join(root, 'classroom_val_lmdb');
    await writeLmdb(bad, [['abc123', Buffer.from('not an image at all')]]);
    const data = await new LSUNClass(bad).prepare();
    const error = await Promise.resolve(data.getItem(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toContain(`the value of key 'abc123' in ${bad}`);
    await data.close();
  });



  describe("a database in LMDB's data format 1, as LSUN's real ones (test/fixtures/datasets/lsun)", () => {
    let v1: string;
    beforeEach(async () => {
      v1 = join(root, 'bedroom_val_lmdb_v1');
      await cp(fileURLToPath(new URL('../../test/fixtures/datasets/lsun/bedroom_val_lmdb', import.meta.url)), v1, { recursive: true });
    });

    it.skipIf(lmdbPatch < 90)('is refused with how to install lmdb for it, by the prebuilt lmdb (which would crash on it)', async () => {
      await expect(new LSUNClass(v1).prepare()).rejects.toThrow(
        new DatasetError(
          `LSUNClass: ${join(v1, 'data.mdb')} is in LMDB's data format 1 (LMDB 0.9, as LSUN's databases are), but the installed lmdb package (LMDB 0.9.${lmdbPatch}) reads format 2 only; reinstall it built for format 1: npm install lmdb --build-from-source --use_data_v1=true`,
        ),
      );
    });

    it.runIf(lmdbPatch < 90)('is read by an lmdb built with --use_data_v1=true (skipped with the prebuilt lmdb)', async () => {
      const data = await new LSUNClass(v1).prepare();
      expect(Buffer.from(data.key(0)).toString('latin1')).toBe(`${'ab'.repeat(19)}00`);
      const reds = [];
      for (let i = 0; i < data.length; i++) reds.push(((await data.getItem(i))[0].getPixel(1, 1) as number[])[0]);
      expect(reds).toEqual([10, 11, 12]);
      await data.close();
    });
  });
});
