import { describe, expect, it } from 'vitest';
import { lmdbCompare } from './lmdb-compare';
import { LMDB } from './lmdb-layout';

const sign = (n: number) => Math.sign(n);
const b = (...bytes: number[]) => Uint8Array.from(bytes);

describe('lmdbCompare', () => {
  it('orders keys as mdb_cmp_memn by default: unsigned bytes, then the shorter first', () => {
    const compare = lmdbCompare(0);
    expect(sign(compare(b(1, 2), b(1, 3)))).toBe(-1);
    expect(sign(compare(b(0x7f), b(0x80)))).toBe(-1);
    expect(sign(compare(b(1, 2), b(1, 2, 0)))).toBe(-1);
    expect(sign(compare(b(2), b(1, 9, 9)))).toBe(1);
    expect(compare(b(4, 5), b(4, 5))).toBe(0);
  });

  it('orders MDB_REVERSEKEY and MDB_INTEGERKEY keys from their last byte (mdb_cmp_memnr, mdb_cmp_cint)', () => {
    for (const flags of [LMDB.MDB_REVERSEKEY, LMDB.MDB_INTEGERKEY]) {
      const compare = lmdbCompare(flags);
      expect(sign(compare(b(9, 1), b(0, 2)))).toBe(-1);
      expect(sign(compare(b(0xff, 0, 0, 0), b(0, 1, 0, 0)))).toBe(-1); // 255 < 256 as little-endian u32
      expect(sign(compare(b(2, 3), b(1, 2, 3)))).toBe(-1); // a shorter key ending the longer one first
      expect(compare(b(1, 2), b(1, 2))).toBe(0);
    }
  });
});
