import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
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
import { importLmdb, type LmdbModule } from './internal/import-lmdb';
import { LSUNClass } from './lsun-class';
import { openLmdb } from './lmdb/lmdb-reader';

/** An LSUNClass that counts its imports of the optional lmdb package, which it finds missing. */
class WithoutLmdb extends LSUNClass {
  imports = 0;
  protected override importLmdbJs(): Promise<LmdbModule> {
    this.imports++;
    const notInstalled = () => Promise.reject(Object.assign(new Error("Cannot find package 'lmdb' imported from lsun-class.js"), { code: 'ERR_MODULE_NOT_FOUND' }));
    return importLmdb(this.name, notInstalled);
  }
}

const LSUN_FIXTURES = fileURLToPath(new URL('../../test/fixtures/datasets/lsun/', import.meta.url));

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

  it('rejects a data.mdb that is not an LMDB database, or is corrupt, saying what is wrong with it', async () => {
    const bad = join(root, 'bridge_val_lmdb');
    const file = join(bad, 'data.mdb');
    await mkdir(bad);
    await writeFile(file, Buffer.alloc(20000, 7));
    // Handed to the native LMDB, such a file crashes the process (LMDB trusts its input): the built-in reader refuses it.
    await expect(new LSUNClass(bad).prepare()).rejects.toThrow(
      new DatasetError(`LSUNClass: ${file}: not a valid LMDB database: meta page 0 has mm_magic 0x07070707, expected 0xbeefc0de`),
    );
    await writeFile(file, (await readFile(join(LSUN_FIXTURES, 'classroom_val_lmdb', 'data.mdb'))).subarray(0, 5000));
    await expect(new LSUNClass(bad).prepare()).rejects.toThrow(
      new DatasetError(`LSUNClass: ${file}: not a valid LMDB database: the file has 5000 bytes, fewer than its two meta pages of 4096 bytes`),
    );
    await writeFile(file, (await readFile(join(db, 'data.mdb'))).subarray(0, 5000)); // lmdb-js's format, cut short
    await expect(new LSUNClass(bad).prepare()).rejects.toThrow(
      new DatasetError(
        `LSUNClass: ${file}: unsupported LMDB database: it is in LMDB's data format 2 (LMDB 0.9.90, as lmdb-js writes by default), which this reader does not read; read it with the lmdb package`,
      ),
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



  describe("databases in LMDB 0.9's format (data format 1), as LSUN's real ones: read without the lmdb package", () => {
    it('reads the one lmdb-js wrote in format 1 (test/fixtures/datasets/lsun/bedroom_val_lmdb)', async () => {
      const v1 = join(root, 'bedroom_val_lmdb_v1');
      await cp(join(LSUN_FIXTURES, 'bedroom_val_lmdb'), v1, { recursive: true });
      const data = await new WithoutLmdb(v1).prepare();
      expect(data.length).toBe(3);
      expect(Buffer.from(data.key(0)).toString('latin1')).toBe(`${'ab'.repeat(19)}00`);
      const reds = [];
      for (let i = 0; i < data.length; i++) reds.push(((await data.getItem(i))[0].getPixel(1, 1) as number[])[0]);
      expect(reds).toEqual([10, 11, 12]);
      await data.close();
      expect(data.imports).toBe(0);
    });

    it("serves what torchvision's LSUNClass serves from the one py-lmdb wrote (classroom_val_lmdb): keys, sizes, pixels", async () => {
      const expected = JSON.parse(await readFile(join(LSUN_FIXTURES, 'classroom_val_lmdb.json'), 'utf8')) as {
        entries: Array<{ key: string; sha256: string }>;
        torchvision: Array<{ size: [number, number]; md5: string }>;
      };
      // Read in place: the reader opens the file read-only and writes nothing (no lock.mdb).
      const data = await new WithoutLmdb(join(LSUN_FIXTURES, 'classroom_val_lmdb')).prepare();
      expect(data.length).toBe(48);
      const reader = openLmdb(join(LSUN_FIXTURES, 'classroom_val_lmdb'));
      let jpegs = 0;
      for (let i = 0; i < data.length; i++) {
        const key = data.key(i);
        expect(Buffer.from(key).toString('hex')).toBe(expected.entries[i]!.key);
        const [image] = await data.getItem(i);
        expect(image.size).toEqual(expected.torchvision[i]!.size);
        expect(createHash('md5').update(image.data).digest('hex')).toBe(expected.torchvision[i]!.md5);
        jpegs += Number(reader.get(key)![0] === 0xff);
      }
      reader.close();
      expect(jpegs).toBe(7); // the rest is lossless WebP; the JPEGs decode as PIL's libjpeg decodes them
      await data.close();
      expect(data.imports).toBe(0);
      expect(existsSync(join(LSUN_FIXTURES, 'classroom_val_lmdb', 'lock.mdb'))).toBe(false);
    });

    it('still reads databases lmdb-js wrote in its format 2 with the lmdb package, and says when it is missing', async () => {
      const data = new WithoutLmdb(db);
      await expect(data.prepare()).rejects.toThrow(
        new DatasetError('LSUNClass: reading an LMDB database in data format 2 (written by lmdb-js) needs the optional package lmdb, which is not installed: npm install lmdb'),
      );
      expect(data.imports).toBe(1);
    });

    it('names the file and the key when a value on a page is corrupt', async () => {
      const corrupt = join(root, 'kitchen_val_lmdb');
      await mkdir(corrupt);
      const bytes = new Uint8Array(await readFile(join(LSUN_FIXTURES, 'classroom_val_lmdb', 'data.mdb')));
      const view = new DataView(bytes.buffer);
      // The first page of the 2-page overflow run (the 4837-byte JPEG) gets another page number.
      const run = [...Array(bytes.length / 4096).keys()].find((p) => view.getUint16(p * 4096 + 10, true) === 4 && view.getUint32(p * 4096 + 12, true) === 2)!;
      view.setBigUint64(run * 4096, 1n, true);
      await writeFile(join(corrupt, 'data.mdb'), bytes);
      const data = await new LSUNClass(corrupt).prepare(); // the keys are fine
      const results = await Promise.allSettled(Array.from({ length: data.length }, (_, i) => data.getItem(i)));
      const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toBeInstanceOf(DatasetError);
      expect(failed[0]!.message).toMatch(
        new RegExp(`^LSUNClass: ${join(corrupt, 'data.mdb')}: not a valid LMDB database: the main database: the value of key '[0-9a-f]{40}' \\(leaf page \\d+\\) points to page ${run}, which is not its overflow run \\(page number 1, mp_flags 0x4, 2 pages for 2 needed\\)$`),
      );
      await data.close();
    });
  });
});
