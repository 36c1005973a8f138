import { DatasetError } from '@dl/core/node';
import { type LmdbCompare, lmdbCompare } from './lmdb-compare';
import { lmdbInvalid } from './lmdb-invalid';
import { lmdbKeyText } from './lmdb-key-text';
import { LMDB } from './lmdb-layout';
import { type LmdbDbRecord, readDbRecord } from './lmdb-meta';
import { LmdbPage, type LmdbPageKind } from './lmdb-page';
import type { LmdbSource } from './lmdb-source';

/** Branch pages kept for `get` (the top levels of the tree, which every lookup reads): 1 MB of 4 KB pages. */
const BRANCH_CACHE = 256;
const KNOWN_FLAGS = LMDB.MDB_REVERSEKEY | LMDB.MDB_DUPSORT | LMDB.MDB_INTEGERKEY | LMDB.MDB_DUPFIXED | LMDB.MDB_INTEGERDUP | LMDB.MDB_REVERSEDUP;

/** @internal Where a leaf node is: its page and index. */
interface LeafNode {
  page: LmdbPage;
  index: number;
}

/**
 * @internal One B-tree of an LMDB 0.9.x file (the main database or a named one), read page by
 * page from its source. Every page number is checked against the file's pages, every page's
 * header against the kind its level needs (leaves exactly at the depth the record says), and a
 * walk checks that keys strictly increase, that it reads no more pages than the file has and
 * that it finds as many entries as the record counts: a corrupt file is a `DatasetError`, never
 * a loop, an out-of-bounds read or an allocation past the file's size.
 */
export class LmdbTree {
  private readonly compare: LmdbCompare;
  private readonly branches = new Map<number, LmdbPage>();

  /**
   * @param pages the number of pages the tree may point into (`min(mm_last_pg + 1, file pages)`)
   * @param what `the main database` or `database 'name'`, for messages
   */
  constructor(
    private readonly source: LmdbSource,
    private readonly pageSize: number,
    private readonly pages: number,
    readonly record: LmdbDbRecord,
    private readonly what: string,
    maxKeys: number,
  ) {
    this.checkRecord(maxKeys);
    this.compare = lmdbCompare(record.flags);
  }

  /** The named database `name`, an `F_SUBDATA` node of this (main) tree. */
  subTree(name: Uint8Array, maxKeys: number): LmdbTree {
    const file = this.source.name;
    const node = this.find(name);
    if (!node) throw new DatasetError(`${file}: there is no database named ${lmdbKeyText(name)} (no such key in the main database)`);
    const { page, index } = node;
    if (!(page.nodeFlags(index) & LMDB.F_SUBDATA)) throw new DatasetError(`${file}: key ${lmdbKeyText(name)} of the main database holds a value, not a named database`);
    if (page.dataSize(index) !== LMDB.DB_SIZE) {
      throw lmdbInvalid(file, `the record of database ${lmdbKeyText(name)} has ${page.dataSize(index)} bytes, expected ${LMDB.DB_SIZE}`);
    }
    const data = page.data(index);
    const record = readDbRecord(new DataView(data.buffer, data.byteOffset, data.length), 0);
    return new LmdbTree(this.source, this.pageSize, this.pages, record, `database ${lmdbKeyText(name)}`, maxKeys);
  }

  /** The value of `key`, or undefined. */
  get(key: Uint8Array): Uint8Array | undefined {
    const node = this.find(key);
    return node && this.value(node.page, node.index);
  }

  /** Walks the tree in key order: `[key, value]`, the value only when `withValues`. */
  *walk(withValues: boolean): Generator<[Uint8Array, Uint8Array | undefined]> {
    const { root, entries } = this.record;
    if (root === undefined) return;
    let visited = 1;
    let seen = 0;
    let previous: Uint8Array | undefined;
    const stack: Array<{ page: LmdbPage; next: number }> = [{ page: this.readPage(root, 0), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const { page } = top;
      if (page.kind === 'branch') {
        if (top.next === page.count) {
          stack.pop();
          continue;
        }
        if (++visited > this.pages) throw this.invalid(`a walk reads more pages than the file's ${this.pages}: a page is linked twice`);
        stack.push({ page: this.readPage(page.child(top.next++), stack.length), next: 0 });
        continue;
      }
      stack.pop();
      for (let i = 0; i < page.count; i++) {
        const key = page.key(i);
        if (previous && this.compare(previous, key) >= 0) {
          throw this.invalid(`key ${lmdbKeyText(key)} on leaf page ${page.pgno} does not follow key ${lmdbKeyText(previous)} in key order`);
        }
        if (++seen > entries) throw this.invalid(`its leaf pages hold more than the ${entries} entries its record counts`);
        previous = key;
        yield [key.slice(), withValues ? this.value(page, i) : undefined];
      }
    }
    if (seen !== entries) throw this.invalid(`its leaf pages hold ${seen} entries, its record counts ${entries}`);
  }

  /** The leaf node of `key`, or undefined. */
  private find(key: Uint8Array): LeafNode | undefined {
    const { root, depth } = this.record;
    if (root === undefined) return undefined;
    let pgno = root;
    for (let level = 0; level < depth - 1; level++) {
      const page = this.branch(pgno, level);
      // The last node whose key is <= key; node 0's key is ignored (it stands for "less than all").
      let lo = 1;
      let hi = page.count - 1;
      let index = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (this.compare(page.key(mid), key) <= 0) {
          index = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      pgno = page.child(index);
    }
    const leaf = this.readPage(pgno, depth - 1);
    let lo = 0;
    let hi = leaf.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = this.compare(leaf.key(mid), key);
      if (order === 0) return { page: leaf, index: mid };
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** A branch page through a small cache (lookups all pass the same top levels). */
  private branch(pgno: number, level: number): LmdbPage {
    const cached = this.branches.get(pgno);
    if (cached) {
      this.branches.delete(pgno);
      this.branches.set(pgno, cached);
      return cached;
    }
    const page = this.readPage(pgno, level);
    if (this.branches.size >= BRANCH_CACHE) this.branches.delete(this.branches.keys().next().value!);
    this.branches.set(pgno, page);
    return page;
  }

  /** Page `pgno` at `level`: a branch page above the last level, a leaf page on it. */
  private readPage(pgno: number, level: number): LmdbPage {
    const kind: LmdbPageKind = level === this.record.depth - 1 ? 'leaf' : 'branch';
    if (!(pgno >= 2 && pgno < this.pages)) {
      throw this.invalid(`level ${level} of ${this.record.depth} links page ${pgno}, outside the file's tree pages 2..${this.pages - 1}`);
    }
    const bytes = this.source.read(pgno * this.pageSize, this.pageSize);
    if (bytes.length !== this.pageSize) throw this.invalid(`page ${pgno} is cut short (the file has ${this.source.size} bytes)`);
    return new LmdbPage(bytes, pgno, kind, this.source.name);
  }

  /** The value of leaf node `index` of `page`: a copy of its inline bytes, or read from its overflow pages. */
  private value(page: LmdbPage, index: number): Uint8Array {
    if (!(page.nodeFlags(index) & LMDB.F_BIGDATA)) return page.data(index).slice();
    const size = page.dataSize(index);
    const first = page.overflowPage(index);
    const where = `the value of key ${lmdbKeyText(page.key(index))} (leaf page ${page.pgno})`;
    // OVPAGES: the header and the value, rounded up to whole pages.
    const needed = Math.floor((LMDB.PAGE_HEADER - 1 + size) / this.pageSize) + 1;
    if (!(first >= 2 && first + needed <= this.pages)) {
      throw this.invalid(`${where} has ${size} bytes on overflow pages ${first}..${first + needed - 1}, outside the file's tree pages 2..${this.pages - 1}`);
    }
    const at = first * this.pageSize;
    const head = this.source.read(at, LMDB.PAGE_HEADER);
    const view = new DataView(head.buffer, head.byteOffset, head.length);
    const stored = view.getBigUint64(LMDB.PAGE_PGNO, true);
    const type = view.getUint16(LMDB.PAGE_FLAGS, true) & LMDB.P_TYPE_MASK;
    const count = view.getUint32(LMDB.PAGE_PAGES, true);
    if (stored !== BigInt(first) || type !== LMDB.P_OVERFLOW || count < needed) {
      throw this.invalid(`${where} points to page ${first}, which is not its overflow run (page number ${stored}, mp_flags 0x${type.toString(16)}, ${count} pages for ${needed} needed)`);
    }
    const bytes = this.source.read(at + LMDB.PAGE_HEADER, size);
    if (bytes.length !== size) throw this.invalid(`${where} is cut short (the file has ${this.source.size} bytes)`);
    return bytes;
  }

  private checkRecord(maxKeys: number): void {
    const { flags, depth, entries, root } = this.record;
    if (flags & ~KNOWN_FLAGS) throw this.invalid(`its flags 0x${flags.toString(16)} have unknown bits`);
    if (flags & LMDB.MDB_DUPSORT) {
      throw new DatasetError(`${this.source.name}: unsupported LMDB database: ${this.what} has MDB_DUPSORT (several values per key), which this reader does not read`);
    }
    if (root === undefined) {
      if (depth !== 0 || entries !== 0) throw this.invalid(`it has no root page, but a depth of ${depth} and ${entries} entries`);
      return;
    }
    if (depth < 1 || depth > LMDB.MAX_DEPTH) throw this.invalid(`its depth is ${depth}, expected 1 to ${LMDB.MAX_DEPTH}`);
    if (!(root >= 2 && root < this.pages)) throw this.invalid(`its root page ${root} is outside the file's tree pages 2..${this.pages - 1}`);
    // Each node takes at least its 8-byte header, a 1-byte key and a 2-byte pointer.
    const most = (this.pages - 2) * Math.floor((this.pageSize - LMDB.PAGE_HEADER) / 11);
    if (entries < 1 || entries > most) throw this.invalid(`it counts ${entries} entries, expected 1 to ${most} for its ${this.pages} pages`);
    if (entries > maxKeys) throw new DatasetError(`${this.source.name}: ${this.what} has ${entries} entries, more than maxKeys (${maxKeys})`);
  }

  private invalid(why: string): DatasetError {
    return lmdbInvalid(this.source.name, `${this.what}: ${why}`);
  }
}
