import { ArgumentTypeError, ValueError } from '@dl/core';
import { readLmdbMeta } from './lmdb-meta';
import { bytesSource, fileSource, type LmdbSource } from './lmdb-source';
import { LmdbTree } from './lmdb-tree';

/**
 * Options of {@link openLmdb}.
 *
 * @example
 * ```ts
 * const options: LmdbOpenOptions = { database: 'images', maxKeys: 10_000_000 };
 * ```
 */
export interface LmdbOpenOptions {
  /**
   * A named database (py-lmdb's `env.open_db(name)`, LMDB's `mdb_dbi_open(txn, name)`) instead
   * of the main one. @default undefined (the main database)
   */
  database?: string | Uint8Array;
  /** Most entries accepted: a database counting more is refused with a `DatasetError`. @default Infinity */
  maxKeys?: number;
  /** The file name for messages when the database is given as bytes. @default '<bytes>' */
  fileName?: string;
}

/**
 * What {@link LmdbReader.stat} says of the database read (py-lmdb's `env.stat()`).
 *
 * @example
 * ```ts
 * openLmdb('classroom_val_lmdb').stat; // { pageSize: 4096, depth: 2, branchPages: 1, leafPages: 3, overflowPages: 3, entries: 48 }
 * ```
 */
export interface LmdbStat {
  pageSize: number;
  /** Levels of the B-tree (0 when empty). */
  depth: number;
  branchPages: number;
  leafPages: number;
  overflowPages: number;
  /** Key/value pairs. */
  entries: number;
}

/**
 * A read-only view of one database of an LMDB file in LMDB 0.9.x's on-disk format (data format
 * 1, what py-lmdb writes and LSUN's `*_lmdb` databases are), read in pure TypeScript with
 * positioned reads: no native module, no memory map, and nothing of the file kept but the page
 * size and up to 256 branch pages. Get one with {@link openLmdb}.
 *
 * It reads the snapshot of the last committed transaction; it takes no reader lock, so the file
 * must not be written while it is open (LSUN's never are). Keys come in LMDB's order (bytes
 * compared unsigned, a shorter key before a longer one it starts; from the last byte for
 * `MDB_REVERSEKEY` and `MDB_INTEGERKEY` databases). A malformed file is a `DatasetError` naming
 * it and what is wrong (when opened, or when the bad page is reached).
 *
 * @example
 * ```ts
 * const db = openLmdb('/data/lsun/bedroom_val_lmdb');
 * db.count; // 300
 * for (const key of db.keys()) console.log(Buffer.from(key).toString()); // '0000c2c5b2d4...'
 * const webp = db.get(Buffer.from('0000c2c5b2d4a7c2a4cd9a3b1cf4cc8a5ba0ee6c'));
 * db.close();
 * ```
 */
export class LmdbReader {
  /** The data file read (`<folder>/data.mdb` for a folder), or the `fileName` of bytes. */
  readonly path: string;
  /** The transaction whose snapshot is read. */
  readonly txnid: number;
  /** What the database's record says of it. */
  readonly stat: LmdbStat;

  /** @internal Use {@link openLmdb}. */
  constructor(
    private readonly source: LmdbSource,
    private readonly tree: LmdbTree,
    pageSize: number,
    txnid: number,
  ) {
    this.path = source.name;
    this.txnid = txnid;
    const { depth, branchPages, leafPages, overflowPages, entries } = tree.record;
    this.stat = { pageSize, depth, branchPages, leafPages, overflowPages, entries };
  }

  /** The number of entries (`md_entries`; a walk checks that the pages hold as many). */
  get count(): number {
    return this.stat.entries;
  }

  /** The keys in key order (LMDB's cursor order), each a fresh copy; values are not read. */
  *keys(): Generator<Uint8Array, void, undefined> {
    for (const [key] of this.tree.walk(false)) yield key;
  }

  /** `[key, value]` in key order, each a fresh copy (values on overflow pages are read as they come). */
  *entries(): Generator<[Uint8Array, Uint8Array], void, undefined> {
    for (const entry of this.tree.walk(true)) yield entry as [Uint8Array, Uint8Array];
  }

  /** Same as {@link LmdbReader.entries}. */
  [Symbol.iterator](): Generator<[Uint8Array, Uint8Array], void, undefined> {
    return this.entries();
  }

  /** The value stored under `key` (a fresh copy), or undefined when there is none. */
  get(key: Uint8Array): Uint8Array | undefined {
    if (!(key instanceof Uint8Array)) throw new ArgumentTypeError(`LmdbReader.get: expected key to be a Uint8Array, got ${describe(key)}`);
    return this.tree.get(key);
  }

  /** Closes the file; reading after this is a `DatasetError`. */
  close(): void {
    this.source.close();
  }
}

/**
 * Opens an LMDB database in LMDB 0.9.x's format (data format 1: py-lmdb's files, LSUN's
 * `*_lmdb` folders) for reading: `source` is an environment folder (holding `data.mdb`), the
 * data file itself, or its bytes. Reads the two meta pages and picks the current one (the later
 * transaction), then the database's record; pages are read as keys and values are asked for.
 *
 * Throws a `DatasetError` naming the file when it is missing, is not an LMDB file, is cut short
 * or malformed, or is an LMDB file this reader does not read: data format 2 (LMDB 0.9.90, what
 * lmdb-js writes by default), a 32-bit or big-endian build's file, or an `MDB_DUPSORT` database.
 *
 * @example
 * ```ts
 * const db = openLmdb('/data/lsun/church_outdoor_val_lmdb');
 * for (const [key, webp] of db.entries()) console.log(Buffer.from(key).toString(), webp.length);
 * db.close();
 * ```
 */
export function openLmdb(source: string | Uint8Array, options: LmdbOpenOptions = {}): LmdbReader {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    throw new ArgumentTypeError(`openLmdb: expected source to be a path or a Uint8Array, got ${describe(source)}`);
  }
  const { database, maxKeys = Number.POSITIVE_INFINITY } = options;
  if (typeof maxKeys !== 'number' || Number.isNaN(maxKeys) || maxKeys < 0) {
    throw new ValueError(`openLmdb: expected maxKeys to be a number >= 0, got ${describe(maxKeys)}`);
  }
  if (database !== undefined && typeof database !== 'string' && !(database instanceof Uint8Array)) {
    throw new ArgumentTypeError(`openLmdb: expected database to be a string or a Uint8Array, got ${describe(database)}`);
  }
  const file = typeof source === 'string' ? fileSource(source) : bytesSource(source, options.fileName ?? '<bytes>');
  try {
    const meta = readLmdbMeta(file);
    const pages = Math.min(meta.lastPage + 1, Math.floor(file.size / meta.pageSize));
    const main = new LmdbTree(file, meta.pageSize, pages, meta.main, 'the main database', database === undefined ? maxKeys : Number.POSITIVE_INFINITY);
    const name = typeof database === 'string' ? new TextEncoder().encode(database) : database;
    const tree = name === undefined ? main : main.subTree(name, maxKeys);
    return new LmdbReader(file, tree, meta.pageSize, meta.txnid);
  } catch (error) {
    file.close();
    throw error;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return typeof value === 'string' ? `the string '${value}'` : `${typeof value} ${String(value)}`;
}
