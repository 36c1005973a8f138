import { DatasetError } from '@dl/core/node';
import { lmdbInvalid } from './lmdb-invalid';
import { LMDB } from './lmdb-layout';
import type { LmdbSource } from './lmdb-source';

/** @internal An `MDB_db` record: the head of one B-tree (the main database, or a named one). */
export interface LmdbDbRecord {
  /** `md_flags`: `MDB_REVERSEKEY`, `MDB_DUPSORT`, `MDB_INTEGERKEY`, ... */
  flags: number;
  /** Levels of the tree: 1 is a lone leaf page; 0 when empty. */
  depth: number;
  branchPages: number;
  leafPages: number;
  overflowPages: number;
  /** `md_entries`: key/value pairs. */
  entries: number;
  /** The root page, or undefined for an empty tree (`P_INVALID`). */
  root: number | undefined;
}

/** @internal The current meta page of an LMDB file. */
export interface LmdbMeta {
  pageSize: number;
  /** The transaction that committed it. */
  txnid: number;
  /** Which of the two meta pages it is (transaction N writes page N % 2). */
  metaPage: 0 | 1;
  /** `mm_last_pg`: the last page in use. */
  lastPage: number;
  /** The main database (`mm_dbs[MAIN_DBI]`). */
  main: LmdbDbRecord;
}

const P_INVALID = 0xffff_ffff_ffff_ffffn;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** @internal A u64 as a number; values past 2^53 (only in corrupt files) become Infinity. */
export function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  return value > SAFE ? Number.POSITIVE_INFINITY : Number(value);
}

/** @internal Reads the `MDB_db` record at `at` of `view`. */
export function readDbRecord(view: DataView, at: number): LmdbDbRecord {
  const root = view.getBigUint64(at + LMDB.DB_ROOT, true);
  return {
    flags: view.getUint16(at + LMDB.DB_FLAGS, true),
    depth: view.getUint16(at + LMDB.DB_DEPTH, true),
    branchPages: u64(view, at + LMDB.DB_BRANCH_PAGES),
    leafPages: u64(view, at + LMDB.DB_LEAF_PAGES),
    overflowPages: u64(view, at + LMDB.DB_OVERFLOW_PAGES),
    entries: u64(view, at + LMDB.DB_ENTRIES),
    root: root === P_INVALID ? undefined : root > SAFE ? Number.POSITIVE_INFINITY : Number(root),
  };
}

/**
 * @internal Reads both meta pages of an LMDB 0.9.x file and returns the current one (the larger
 * `mm_txnid`, as `mdb_env_read_header` picks it). Throws a {@link DatasetError} naming the file
 * when it is no LMDB file, is cut short, or is an LMDB file this reader does not read (data
 * format 2, a 32-bit or a big-endian build).
 */
export function readLmdbMeta(source: LmdbSource): LmdbMeta {
  const invalid = (why: string): never => {
    throw lmdbInvalid(source.name, why);
  };
  const head = source.read(0, LMDB.META_END);
  if (head.length < LMDB.META_END) invalid(`the file has ${source.size} bytes, too few for a meta page (${LMDB.META_END})`);
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  sniffOtherBuilds(view, source.name);

  const first = readMetaPage(view, 0, invalid);
  const pageSize = first.pageSize;
  if (source.size < 2 * pageSize) invalid(`the file has ${source.size} bytes, fewer than its two meta pages of ${pageSize} bytes`);
  const second = source.read(pageSize, LMDB.META_END);
  const meta = readMetaPage(new DataView(second.buffer, second.byteOffset, second.length), 1, invalid);
  if (meta.pageSize !== pageSize) invalid(`its meta pages disagree on the page size (${pageSize} and ${meta.pageSize})`);
  return meta.txnid > first.txnid ? meta : first;
}

function readMetaPage(view: DataView, metaPage: 0 | 1, invalid: (why: string) => never): LmdbMeta {
  const flags = view.getUint16(LMDB.PAGE_FLAGS, true);
  const magic = view.getUint32(LMDB.META_MAGIC, true);
  if (magic !== LMDB.MAGIC) invalid(`meta page ${metaPage} has mm_magic 0x${hex(magic)}, expected 0x${hex(LMDB.MAGIC)}`);
  if (!(flags & LMDB.P_META)) invalid(`page ${metaPage} is not a meta page (mp_flags 0x${hex(flags)})`);
  const version = view.getUint32(LMDB.META_VERSION, true);
  if (version !== LMDB.DATA_VERSION) invalid(`meta page ${metaPage} is of data format ${version}, expected ${LMDB.DATA_VERSION} (LMDB 0.9.x)`);
  const free = LMDB.META_DBS + LMDB.FREE_DBI * LMDB.DB_SIZE;
  const pageSize = view.getUint32(free, true); // mm_psize is mm_dbs[FREE_DBI].md_pad
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    invalid(`meta page ${metaPage} has page size ${pageSize}, expected a power of two from 512 to 65536`);
  }
  return {
    pageSize,
    txnid: u64(view, LMDB.META_TXNID),
    metaPage,
    lastPage: u64(view, LMDB.META_LAST_PAGE),
    main: readDbRecord(view, LMDB.META_DBS + LMDB.MAIN_DBI * LMDB.DB_SIZE),
  };
}

/** Recognizes the LMDB files of other builds by where their magic sits, to say what they are. */
function sniffOtherBuilds(view: DataView, name: string): void {
  if (view.getUint32(LMDB.META_MAGIC, true) === LMDB.MAGIC) return;
  const unsupported = (what: string, hint = ''): never => {
    throw new DatasetError(`${name}: unsupported LMDB database: ${what}, which this reader does not read${hint}`);
  };
  // LMDB 0.9.90 (mdb.master3, lmdb-js's prebuilt binaries) adds an 8-byte mp_txnid to the page header.
  if (view.getUint32(24, true) === LMDB.MAGIC && view.getUint32(28, true) === 2) {
    unsupported("it is in LMDB's data format 2 (LMDB 0.9.90, as lmdb-js writes by default)", '; read it with the lmdb package');
  }
  if (view.getUint32(LMDB.META_MAGIC, false) === LMDB.MAGIC) unsupported('it was written by a big-endian build of LMDB');
  if (view.getUint32(12, true) === LMDB.MAGIC) unsupported('it was written by a 32-bit build of LMDB (4-byte page numbers)');
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
