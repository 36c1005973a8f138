import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { sharpEncode } from '../../test/support/sharp-encode';
import { writeLmdb } from '../../test/support/write-lmdb';
import { Image } from '../image/image';
import { LSUN, type LSUNOptions } from './lsun';

let root: string;
const open: Array<{ close(): Promise<void> }> = [];

/** A database of `n` lossless WebP images whose red channel is `base + i`. */
async function database(name: string, n: number, base: number): Promise<void> {
  const entries: Array<[string, Uint8Array]> = [];
  for (let i = n - 1; i >= 0; i--) {
    entries.push([`${base.toString(16).padStart(2, '0')}${i.toString(16).padStart(38, '0')}`, await sharpEncode(Image.new('RGB', [2, 2], [base + i, 9, 9]), 'webp')]);
  }
  await writeLmdb(join(root, `${name}_lmdb`), entries);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-lsun-'));
  await database('bedroom_val', 3, 10);
  await database('kitchen_val', 2, 100);
  await database('test', 1, 200);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function lsun<TX = Image, TY = number>(dir: string, options?: LSUNOptions<TX, TY>): LSUN<TX, TY> {
  const data = new LSUN(dir, options);
  open.push(data);
  return data;
}

describe('LSUN', () => {
  it('serves [image, class index] across the databases of classes, in order', async () => {
    const data = await lsun(root, { classes: ['bedroom_val', 'kitchen_val'] }).prepare();
    expect(data.length).toBe(5);
    const items = await Promise.all([0, 1, 2, 3, 4].map(async (i) => {
      const [image, target] = await data.getItem(i);
      return [(image.getPixel(0, 0) as number[])[0], target];
    }));
    expect(items).toEqual([
      [10, 0],
      [11, 0],
      [12, 0],
      [100, 1],
      [101, 1],
    ]);
    expect(String(data)).toBe(
      `Dataset LSUN\n    Number of datapoints: 5\n    Classes: ['bedroom_val', 'kitchen_val']\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it("reads LSUN's own format (LMDB 0.9, py-lmdb's) with no lmdb package: the committed fixtures", async () => {
    const fixtures = fileURLToPath(new URL('../../test/fixtures/datasets/lsun/', import.meta.url));
    const data = await lsun(fixtures, { classes: ['bedroom_val', 'classroom_val'] }).prepare();
    expect(data.length).toBe(3 + 48);
    expect(data.dbs.map((db) => db.length)).toEqual([3, 48]);
    const [first, t0] = await data.getItem(0);
    expect([(first.getPixel(0, 0) as number[])[0], t0]).toEqual([10, 0]);
    const { torchvision } = JSON.parse(readFileSync(join(fixtures, 'classroom_val_lmdb.json'), 'utf8')) as { torchvision: Array<{ size: number[] }> };
    const [last, t1] = await data.getItem(50);
    expect([last.size, t1]).toEqual([torchvision[47]!.size, 1]);
  });

  it("reads test_lmdb for classes: 'test', and applies the transforms", async () => {
    const data = await lsun(root, { classes: 'test', transform: (img: Image) => img.getPixel(1, 1), targetTransform: (t: number) => t + 0.5 }).prepare();
    expect(data.classes).toEqual(['test']);
    expect(await data.getItem(0)).toEqual([[200, 9, 9], 0.5]);
  });

  it("expands 'train' and 'val' to the ten categories, and names the first missing database", async () => {
    const val = lsun(root, { classes: 'val' });
    expect(val.classes).toEqual(LSUN.categories.map((c) => `${c}_val`));
    expect(lsun(root).classes[0]).toBe('bedroom_train');
    const bridge = join(root, 'bridge_val_lmdb');
    await expect(val.prepare()).rejects.toThrow(
      new DatasetError(
        `LSUNClass: no LMDB database in ${bridge} (${join(bridge, 'data.mdb')} not found); LSUN has no download here: get the *_lmdb.zip files with LSUN's download.py and unzip them into root`,
      ),
    );
  });

  it("validates classes with torchvision's messages", () => {
    const categories = "'bedroom', 'bridge', 'church_outdoor', 'classroom', 'conference_room', 'dining_room', 'kitchen', 'living_room', 'restaurant', 'tower'";
    const cases: Array<[unknown, string]> = [
      ['bedroom_train', "LSUN: Unknown value 'bedroom_train' for argument classes. Valid values are {'train', 'val', 'test'}."],
      [['bathroom_train'], `LSUN: Unknown value 'bathroom' for LSUN class. Valid values are {${categories}}.`],
      [['church_outdoor_eval'], "LSUN: Unknown value 'eval' for postfix. Valid values are {'train', 'val', 'test'}."],
      [['test'], `LSUN: Unknown value '' for LSUN class. Valid values are {${categories}}.`],
      [['bedroom_train', 3], 'LSUN: Expected type str for elements in argument classes, but got type number.'],
      [7, 'LSUN: Expected type str or Iterable for argument classes, but got type number.'],
    ];
    for (const [classes, message] of cases) {
      expect(() => new LSUN(root, { classes: classes as 'train' })).toThrow(new ValueError(message));
    }
    expect(new LSUN(root, { classes: new Set(['living_room_train']) as unknown as string[] }).classes).toEqual(['living_room_train']);
  });

  it('describes itself for worker threads with (root, options)', () => {
    expect(new LSUN('lsun', { classes: ['tower_val'] }).workerSpec()).toMatchObject({ export: 'LSUN', args: ['lsun', { classes: ['tower_val'] }] });
  });
});
