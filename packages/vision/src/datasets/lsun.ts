import { join } from 'node:path';
import { ValueError } from '@dl/core';
import type { DatasetResource, VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import { LSUNClass } from './lsun-class';
import { VisionDataset } from './vision-dataset';

/** LSUN's ten scene categories (torchvision's list). */
const CATEGORIES = [
  'bedroom',
  'bridge',
  'church_outdoor',
  'classroom',
  'conference_room',
  'dining_room',
  'kitchen',
  'living_room',
  'restaurant',
  'tower',
] as const;
const SPLITS = ['train', 'val', 'test'] as const;

/**
 * Options of {@link LSUN}.
 *
 * @example
 * ```ts
 * const options: LSUNOptions = { classes: ['bedroom_train', 'kitchen_train'] };
 * ```
 */
export interface LSUNOptions<TX = Image, TY = number> extends Omit<VisionDatasetOptions<Image, number, TX, TY>, 'transforms' | 'download' | 'downloadOptions'> {
  /**
   * `'train'`, `'val'` (all ten categories of that split) or `'test'`, or a list of databases such
   * as `['bedroom_train', 'church_outdoor_train']`. @default 'train'
   */
  classes?: 'train' | 'val' | 'test' | readonly string[];
}

/**
 * The LSUN scene dataset (torchvision's `LSUN`): `root` holds one LMDB database folder per
 * class, `<class>_lmdb` (`bedroom_train_lmdb`, ..., `test_lmdb`), each read by an
 * {@link LSUNClass}. Items are `[image, target]`: the RGB image and the index of its database in
 * `classes`. Classes are checked as torchvision checks them, with its `ValueError` messages.
 *
 * LSUN's databases (LMDB 0.9's format, written by py-lmdb) are read by a built-in reader in
 * TypeScript: nothing to install, no native module. Only a database in lmdb-js's own format
 * (data format 2) needs the optional package `lmdb`. LSUN has no download (as in torchvision):
 * a missing database folder is a `DatasetError` naming it.
 *
 * @example
 * ```ts
 * const lsun = await new LSUN('/data/lsun', { classes: ['bedroom_val', 'kitchen_val'] }).prepare();
 * lsun.length; // 600
 * const [image, target] = await lsun.getItem(300); // target 1: kitchen_val
 * String(lsun); // Dataset LSUN ... Classes: ['bedroom_val', 'kitchen_val'] ...
 * await lsun.close();
 * ```
 */
export class LSUN<TX = Image, TY = number> extends VisionDataset<Image, number, TX, TY> {
  /** LSUN's scene categories. */
  static readonly categories: readonly string[] = CATEGORIES;
  readonly name: string = 'LSUN';
  /** Nothing to download. */
  protected readonly resources: readonly DatasetResource[] = [];
  /** The databases read, in target order: `bedroom_train`, ... */
  readonly classes: readonly string[];
  /** One dataset per class. */
  readonly dbs: readonly LSUNClass[];
  private ends: number[] = [];

  constructor(root: string, options: LSUNOptions<TX, TY> = {}) {
    super(root, options);
    this.classes = verifyClasses(options.classes ?? 'train');
    this.dbs = this.classes.map((c) => new LSUNClass(join(this.root, `${c}_lmdb`)));
  }

  /** The folder of the databases: `root` itself. */
  override get folder(): string {
    return this.root;
  }

  get length(): number {
    this.ensurePrepared();
    return this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1]!;
  }

  /** Closes every database. */
  async close(): Promise<void> {
    await Promise.all(this.dbs.map((db) => db.close()));
  }

  /** Checked by `load()`: each database names what is missing. */
  protected override async checkExists(): Promise<boolean> {
    return true;
  }

  protected async load(): Promise<void> {
    for (const db of this.dbs) await db.prepare(); // in order, so the first missing database is the one named
    let count = 0;
    this.ends = this.dbs.map((db) => (count += db.length));
  }

  protected async loadItem(index: number): Promise<[Image, number]> {
    let target = 0;
    while (index >= this.ends[target]!) target++;
    const start = target === 0 ? 0 : this.ends[target - 1]!;
    const [image] = await this.dbs[target]!.getItem(index - start);
    return [image, target];
  }

  protected override extraRepr(): string {
    return `Classes: [${this.classes.map((c) => `'${c}'`).join(', ')}]`;
  }
}

/** torchvision's `LSUN._verify_classes`, with its messages. */
function verifyClasses(classes: unknown): string[] {
  if (typeof classes === 'string') {
    if (!(SPLITS as readonly string[]).includes(classes)) {
      throw new ValueError(`LSUN: Unknown value '${classes}' for argument classes. Valid values are {${quoted(SPLITS)}}.`);
    }
    return classes === 'test' ? [classes] : CATEGORIES.map((c) => `${c}_${classes}`);
  }
  if (classes === null || typeof classes !== 'object' || typeof (classes as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new ValueError(`LSUN: Expected type str or Iterable for argument classes, but got type ${typeName(classes)}.`);
  }
  const list = Array.from(classes as Iterable<unknown>);
  for (const c of list) {
    if (typeof c !== 'string') throw new ValueError(`LSUN: Expected type str for elements in argument classes, but got type ${typeName(c)}.`);
    const parts = c.split('_');
    const category = parts.slice(0, -1).join('_');
    const split = parts[parts.length - 1]!;
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      throw new ValueError(`LSUN: Unknown value '${category}' for LSUN class. Valid values are {${quoted(CATEGORIES)}}.`);
    }
    if (!(SPLITS as readonly string[]).includes(split)) {
      throw new ValueError(`LSUN: Unknown value '${split}' for postfix. Valid values are {${quoted(SPLITS)}}.`);
    }
  }
  return list as string[];
}

function quoted(values: readonly string[]): string {
  return `'${values.join("', '")}'`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
