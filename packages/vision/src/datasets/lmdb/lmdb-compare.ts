import { LMDB } from './lmdb-layout';

/** @internal Orders two keys as an LMDB database does: negative, zero or positive. */
export type LmdbCompare = (a: Uint8Array, b: Uint8Array) => number;

/**
 * @internal The key order of a database with flags `flags`, as LMDB's `mdb_default_cmp` picks
 * it: bytes compared unsigned from the first, a shorter key before a longer one it starts
 * (`mdb_cmp_memn`); or, for `MDB_REVERSEKEY` and `MDB_INTEGERKEY`, compared from the last byte
 * (`mdb_cmp_memnr`; `mdb_cmp_cint` compares native little-endian integers of one size, which is
 * the same order).
 */
export function lmdbCompare(flags: number): LmdbCompare {
  return flags & (LMDB.MDB_REVERSEKEY | LMDB.MDB_INTEGERKEY) ? compareFromEnd : compareBytes;
}

// A loop rather than Buffer.compare: keys are short and differ early, and a native call costs more than the loop.
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareFromEnd(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const d = a[a.length - i]! - b[b.length - i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
