import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, type DatasetResource, type VisionDatasetOptions } from '@dl/core/node';
import type { Image } from '../image/image';
import { importLmdb, type LmdbModule } from './internal/import-lmdb';
import { KeyList } from './internal/key-list';
import { lmdbFileInfo, lmdbLibraryDataVersion } from './internal/lmdb-data-version';
import { openRgb } from './internal/open-rgb';
import { lmdbKeyText } from './lmdb/lmdb-key-text';
import { type LmdbReader, openLmdb } from './lmdb/lmdb-reader';
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

/** Where {@link LSUNClass} reads values: the built-in reader (LMDB 0.9's format), or lmdb-js (format 2). */
interface ValueStore {
  get(key: Uint8Array): Uint8Array | undefined;
  close(): Promise<void>;
}

/**
 * One LSUN LMDB database (torchvision's `LSUNClass`), e.g. `bedroom_train_lmdb`: `root` is the
 * database folder (holding `data.mdb`). Items are `[image, null]`, the RGB image decoded from
 * the stored WebP/JPEG bytes, in key order (LMDB's byte order, as torchvision's cursor walk).
 *
 * LSUN's databases are in LMDB 0.9's on-disk format (data format 1, written by py-lmdb): they
 * are read by a built-in reader in TypeScript ({@link openLmdb}), read-only, with positioned
 * reads and no native module, so nothing needs installing. A database in lmdb-js's own format
 * (data format 2, what the `lmdb` npm package writes by default) is read with that optional
 * package (`npm install lmdb`). The format is checked first; a file that is not an LMDB database,
 * or a corrupt one, is a `DatasetError` naming the file and what is wrong.
 * torchvision caches the key list in a `_cache_*` file in the working folder; this reads the
 * keys anew on `prepare()` (a walk of the B-tree's leaf pages, a few seconds for LSUN's 3
 * million bedrooms) and writes nothing. LSUN has no download: a missing database folder is a
 * `DatasetError`.
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
  private db: ValueStore | undefined;
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
    const { store, keys } = info?.dataVersion === 2 ? await this.openWithLmdbJs(dataFile) : this.openWithReader(dataFile);
    await this.db?.close();
    this.db = store;
    this.keyList = keys;
  }

  /** LMDB 0.9's format (LSUN's files): the built-in reader, which also says what is wrong with any other file. */
  private openWithReader(dataFile: string): { store: ValueStore; keys: KeyList } {
    let reader: LmdbReader | undefined;
    try {
      reader = openLmdb(dataFile);
      const keys = new KeyList();
      for (const key of reader.keys()) keys.push(key);
      const open = reader;
      return { store: { get: (key) => open.get(key), close: async () => open.close() }, keys };
    } catch (error) {
      reader?.close();
      throw error instanceof DatasetError ? new DatasetError(`${this.name}: ${error.message}`, { cause: error }) : error;
    }
  }

  /** lmdb-js's format 2: the optional lmdb package, when it is a build that reads it. */
  private async openWithLmdbJs(dataFile: string): Promise<{ store: ValueStore; keys: KeyList }> {
    const { open, version } = await this.importLmdbJs();
    if (lmdbLibraryDataVersion(version) !== 2) {
      throw new DatasetError(
        `${this.name}: ${dataFile} is in LMDB's data format 2 (LMDB 0.9.90, as lmdb-js writes by default), but the installed lmdb package ` +
          `(LMDB 0.9.${version?.patch ?? 29}) was built for format 1 only; reinstall it without --use_data_v1`,
      );
    }
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
    const opened = db;
    return { store: { get: (key) => opened.getBinary(key), close: () => opened.close() }, keys };
  }

  /** Imports the optional lmdb package (tests override this to make it missing). */
  protected importLmdbJs(): Promise<LmdbModule> {
    return importLmdb(this.name);
  }

  protected async loadItem(i: number): Promise<[Image, null]> {
    const key = this.keyList.get(i);
    const where = `the value of key ${lmdbKeyText(key)} in ${this.root}`;
    if (!this.db) throw new DatasetError(`${this.name}: the database ${this.root} is closed`);
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.db.get(key);
    } catch (error) {
      throw error instanceof DatasetError ? new DatasetError(`${this.name}: ${error.message}`, { cause: error }) : error;
    }
    if (bytes === undefined) throw new DatasetError(`${this.name}: ${where} is missing (was the database changed?)`);
    return [await openRgb(bytes, where, this.name), null];
  }
}
