import { lmdbInvalid } from './lmdb-invalid';
import { LMDB } from './lmdb-layout';

/** @internal Which kind of B-tree page a reader expects at a level of the tree. */
export type LmdbPageKind = 'branch' | 'leaf';

/**
 * @internal One branch or leaf page of an LMDB 0.9.x B-tree, checked when it is parsed: its
 * header names its own page number and kind, and every node (header, key, inline data) lies
 * inside the page, so the accessors never read past it.
 */
export class LmdbPage {
  /** The number of nodes (`NUMKEYS`). */
  readonly count: number;
  private readonly view: DataView;

  /**
   * Parses `bytes` (one whole page) as page `pgno` of `file`, expected to be a `kind` page;
   * throws a `DatasetError` naming the file and the page for anything malformed.
   */
  constructor(
    private readonly bytes: Uint8Array,
    readonly pgno: number,
    readonly kind: LmdbPageKind,
    readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const size = bytes.length;
    const fail = (why: string): never => {
      throw lmdbInvalid(file, `${kind} page ${pgno} ${why}`);
    };
    const stored = this.view.getBigUint64(LMDB.PAGE_PGNO, true);
    if (stored !== BigInt(pgno)) fail(`says it is page ${stored}`);
    const type = this.view.getUint16(LMDB.PAGE_FLAGS, true) & LMDB.P_TYPE_MASK;
    const want = kind === 'branch' ? LMDB.P_BRANCH : LMDB.P_LEAF;
    if (type !== want) fail(`has mp_flags 0x${type.toString(16)} (${describeFlags(type)}), expected 0x${want.toString(16)} (${kind})`);
    const lower = this.view.getUint16(LMDB.PAGE_LOWER, true);
    const upper = this.view.getUint16(LMDB.PAGE_UPPER, true);
    if (lower < LMDB.PAGE_HEADER + 2 || (lower - LMDB.PAGE_HEADER) % 2 !== 0 || upper < lower || upper > size) {
      fail(`has mp_lower ${lower} and mp_upper ${upper}, expected ${LMDB.PAGE_HEADER + 2} <= lower <= upper <= ${size} with an even number of pointer bytes`);
    }
    this.count = (lower - LMDB.PAGE_HEADER) >> 1;
    for (let i = 0; i < this.count; i++) {
      const at = this.nodeAt(i);
      if (at < upper || at + LMDB.NODE_HEADER > size) fail(`has node ${i} at offset ${at}, outside its node area ${upper}..${size}`);
      const keyEnd = at + LMDB.NODE_HEADER + this.view.getUint16(at + LMDB.NODE_KSIZE, true);
      if (keyEnd > size) fail(`has node ${i} whose key ends at ${keyEnd}, past the page end ${size}`);
      if (kind === 'leaf') this.checkLeafNode(i, at, keyEnd, fail);
    }
  }

  /** The key of node `i` (a view of this page's bytes; empty for a branch page's node 0). */
  key(i: number): Uint8Array {
    const at = this.nodeAt(i);
    const start = at + LMDB.NODE_HEADER;
    return this.bytes.subarray(start, start + this.view.getUint16(at + LMDB.NODE_KSIZE, true));
  }

  /** The child page of branch node `i` (48 bits: `mn_lo`, `mn_hi` and `mn_flags`). */
  child(i: number): number {
    const at = this.nodeAt(i);
    const v = this.view;
    return v.getUint16(at + LMDB.NODE_LO, true) + v.getUint16(at + LMDB.NODE_HI, true) * 0x1_0000 + v.getUint16(at + LMDB.NODE_FLAGS, true) * 0x1_0000_0000;
  }

  /** The flags of leaf node `i` (`F_BIGDATA`, `F_SUBDATA`). */
  nodeFlags(i: number): number {
    return this.view.getUint16(this.nodeAt(i) + LMDB.NODE_FLAGS, true);
  }

  /** The size of leaf node `i`'s value (on overflow pages for `F_BIGDATA`). */
  dataSize(i: number): number {
    const at = this.nodeAt(i);
    return this.view.getUint16(at + LMDB.NODE_LO, true) + this.view.getUint16(at + LMDB.NODE_HI, true) * 0x1_0000;
  }

  /** The bytes after leaf node `i`'s key: its value, or for `F_BIGDATA` the 8-byte first overflow page. */
  data(i: number): Uint8Array {
    const at = this.nodeAt(i);
    const start = at + LMDB.NODE_HEADER + this.view.getUint16(at + LMDB.NODE_KSIZE, true);
    const size = this.nodeFlags(i) & LMDB.F_BIGDATA ? 8 : this.dataSize(i);
    return this.bytes.subarray(start, start + size);
  }

  /** The first overflow page of `F_BIGDATA` node `i` (Infinity past 2^53, which no file reaches). */
  overflowPage(i: number): number {
    const data = this.data(i);
    const value = new DataView(data.buffer, data.byteOffset, 8).getBigUint64(0, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
  }

  private nodeAt(i: number): number {
    return this.view.getUint16(LMDB.PAGE_HEADER + 2 * i, true);
  }

  private checkLeafNode(i: number, at: number, keyEnd: number, fail: (why: string) => never): void {
    const flags = this.view.getUint16(at + LMDB.NODE_FLAGS, true);
    if (flags & ~(LMDB.F_BIGDATA | LMDB.F_SUBDATA | LMDB.F_DUPDATA)) fail(`has node ${i} with unknown flags 0x${flags.toString(16)}`);
    if (flags & LMDB.F_DUPDATA) fail(`has node ${i} holding duplicate values (F_DUPDATA) in a database without MDB_DUPSORT`);
    if (flags & LMDB.F_BIGDATA && flags & LMDB.F_SUBDATA) fail(`has node ${i} flagged both F_BIGDATA and F_SUBDATA`);
    const end = keyEnd + (flags & LMDB.F_BIGDATA ? 8 : this.dataSize(i));
    if (end > this.bytes.length) fail(`has node ${i} whose data ends at ${end}, past the page end ${this.bytes.length}`);
  }
}

/** `P_BRANCH|P_LEAF` etc. for an error message. */
function describeFlags(flags: number): string {
  const names: Array<[number, string]> = [
    [LMDB.P_BRANCH, 'P_BRANCH'],
    [LMDB.P_LEAF, 'P_LEAF'],
    [LMDB.P_OVERFLOW, 'P_OVERFLOW'],
    [LMDB.P_META, 'P_META'],
    [LMDB.P_LEAF2, 'P_LEAF2'],
    [LMDB.P_SUBP, 'P_SUBP'],
  ];
  const set = names.filter(([bit]) => flags & bit).map(([, name]) => name);
  return set.length ? set.join('|') : 'none';
}
