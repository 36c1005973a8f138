import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import { importLmdb } from './internal/import-lmdb';
import { KeyList } from './internal/key-list';
import { lmdbFileInfo, lmdbLibraryDataVersion } from './internal/lmdb-data-version';
import { openRgb } from './internal/open-rgb';
import { VisionDataset } from './vision-dataset';

/**
 * Options of {@link LSUNClass}.
 *
 * @example
 * ```ts
 * const options: LSUNClassOptions<Tensor> = { transform: new ToTensor() };
 * ```
 */
export type LSUNClassOptions<TX = Image, TY = null> = Omit<VisionDatasetOptions<Image, null, TX, TY>, 'transforms' | 'download' | 'downloadOptions'>;

/** The read side of an lmdb-js database that {@link LSUNClass} uses. */
interface BinaryDatabase {
  getKeys(): Iterable<Uint8Array>;
  getBinary(key: Uint8Array): Uint8Array | undefined;
  close(): Promise<void>;
}

/**
 * One LSUN LMDB database (torchvision's `LSUNClass`), e.g. `bedroom_train_lmdb`: `root` is the
 * database folder (holding `data.mdb`). Items are `[image, null]`, the RGB image decoded from
 * the stored WebP/JPEG bytes, in key order (LMDB's byte order, as torchvision's cursor walk).
 *
 * Needs the optional package `lmdb` (`npm install lmdb`); the database is opened read-only.
 * LSUN's databases are in LMDB's data format 1 (LMDB 0.9), while lmdb-js's prebuilt binaries
 * read format 2 only (and crash on format 1): install lmdb with
 * `npm install lmdb --build-from-source --use_data_v1=true` to read the real LSUN files. The
 * format is checked before the database is opened, so a mismatch is a `DatasetError` saying so.
 * torchvision caches the key list in a `_cache_*` file in the working folder; this reads the
 * keys anew on `prepare()` (a cursor walk, about a second per million keys) and writes nothing.
 * LSUN has no download: a missing database folder is a `DatasetError`.
 *
 * @example
 * ```ts
 * const bedrooms = await new LSUNClass('/data/lsun/bedroom_val_lmdb').prepare();
 * bedrooms.length; // 300
 * const [image] = await bedrooms.getItem(0); // <Image mode=RGB size=...>
 * await bedrooms.close();
 * ```
 */
export class LSUNClass<TX = Image, TY = null> extends VisionDataset<Image, null, TX, TY> {
  readonly name: string = 'LSUNClass';
  /** Nothing to download. */
  protected readonly resources: readonly DatasetResource[] = [];
  private db: BinaryDatabase | undefined;
  private keyList = new KeyList();

  constructor(root: string, options: LSUNClassOptions<TX, TY> = {}) {
    super(root, options);
  }

  /** The database folder: `root` itself. */
  override get folder(): string {
    return this.root;
  }

  get length(): number {
    this.ensurePrepared();
    return this.keyList.length;
  }

  /** The key of item `i` (LSUN's keys are the images' hex ids). */
  key(i: number): Uint8Array {
    this.ensurePrepared();
    return this.keyList.get(i).slice();
  }

  /** Closes the database (items cannot be read after this). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    await db?.close();
  }

  /** Checked by `load()`, which names what is missing. */
  protected override async checkExists(): Promise<boolean> {
    return true;
  }

  protected async load(): Promise<void> {
    const dataFile = join(this.root, 'data.mdb');
    const found = await stat(dataFile).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) {
      throw new DatasetError(
        `${this.name}: no LMDB database in ${this.root} (${dataFile} not found); LSUN has no download here: get the *_lmdb.zip files with LSUN's download.py and unzip them into root`,
      );
    }
    const info = await lmdbFileInfo(dataFile);
    if (!info) throw new DatasetError(`${this.name}: ${dataFile} is not an LMDB database (no LMDB meta page at its start, or cut short)`);
    const { open, version } = await importLmdb(this.name);
    if (info.dataVersion !== lmdbLibraryDataVersion(version)) throw new DatasetError(this.formatMismatch(dataFile, info.dataVersion, version));
    let db: BinaryDatabase | undefined;
    const keys = new KeyList();
    try {
      // As torchvision opens it: read-only, no read-ahead (items are read in random order).
      const options = { readOnly: true, noReadAhead: true, keyEncoding: 'binary', encoding: 'binary', noSubdir: false } as const;
      db = open(this.root, options) as unknown as BinaryDatabase;
      for (const key of db.getKeys()) keys.push(key);
    } catch (error) {
      await db?.close().catch(() => undefined);
      throw new DatasetError(`${this.name}: cannot read the LMDB database ${this.root}: ${(error as Error).message}`, { cause: error });
    }
    await this.db?.close();
    this.db = db;
    this.keyList = keys;
  }

  private formatMismatch(dataFile: string, fileVersion: 1 | 2, version: { patch: number } | undefined): string {
    const head = `${this.name}: ${dataFile} is in LMDB's data format ${fileVersion}`;
    const patch = version?.patch ?? (fileVersion === 1 ? 90 : 29);
    return fileVersion === 1
      ? `${head} (LMDB 0.9, as LSUN's databases are), but the installed lmdb package (LMDB 0.9.${patch}) reads format 2 only; ` +
          'reinstall it built for format 1: npm install lmdb --build-from-source --use_data_v1=true'
      : `${head} (LMDB 0.9.90, as lmdb-js writes by default), but the installed lmdb package (LMDB 0.9.${patch}) reads format 1 only; ` +
          'reinstall it without --use_data_v1';
  }

  protected async loadItem(i: number): Promise<[Image, null]> {
    const key = this.keyList.get(i);
    const where = `the value of key ${keyText(key)} in ${this.root}`;
    if (!this.db) throw new DatasetError(`${this.name}: the database ${this.root} is closed`);
    const bytes = this.db.getBinary(key);
    if (bytes === undefined) throw new DatasetError(`${this.name}: ${where} is missing (was the database changed?)`);
    return [await openRgb(bytes, where, this.name), null];
  }
}

/** A key as text when it is printable ASCII (LSUN's hex ids), else as hex. */
function keyText(key: Uint8Array): string {
  const printable = key.every((b) => b >= 0x20 && b < 0x7f);
  return printable ? `'${String.fromCharCode(...key)}'` : `0x${Buffer.from(key).toString('hex')}`;
}
