/**
 * @internal The on-disk layout of LMDB 0.9.x databases (data format 1, `MDB_DATA_VERSION` 1) as
 * a 64-bit little-endian build writes them: what py-lmdb writes and LSUN's `*_lmdb` files hold.
 * Learned from `libraries/liblmdb/mdb.c` (branch mdb.RE/0.9): the structs are packed by the C
 * compiler with `pgno_t`/`size_t`/`txnid_t` of 8 bytes and `indx_t` of 2.
 */
export const LMDB = {
  /** `MDB_MAGIC`, the meta page's `mm_magic`. */
  MAGIC: 0xbeefc0de,
  /** `MDB_DATA_VERSION` of LMDB 0.9.x (LMDB 0.9.90 / mdb.master3 writes 2). */
  DATA_VERSION: 1,

  /** `MDB_page`: `mp_pgno` u64, `mp_pad` u16, `mp_flags` u16, `mp_lower`/`mp_upper` u16 (or `mp_pages` u32), then `mp_ptrs[]`. */
  PAGE_PGNO: 0,
  PAGE_FLAGS: 10,
  PAGE_LOWER: 12,
  PAGE_UPPER: 14,
  PAGE_PAGES: 12,
  /** `PAGEHDRSZ`; node offsets in `mp_ptrs` are from the page start (`PAGEBASE` is 0 outside MDB_DEVEL). */
  PAGE_HEADER: 16,

  /** `MDB_meta` starts after the page header: `mm_magic` u32, `mm_version` u32, `mm_address` ptr, `mm_mapsize` size_t, `mm_dbs[2]`, `mm_last_pg`, `mm_txnid`. */
  META_MAGIC: 16,
  META_VERSION: 20,
  META_DBS: 40,
  META_LAST_PAGE: 136,
  META_TXNID: 144,
  META_END: 152,

  /** `MDB_db`: `md_pad` u32 (the page size in `mm_dbs[FREE_DBI]`), `md_flags` u16, `md_depth` u16, then 5 x u64: branch, leaf and overflow page counts, `md_entries`, `md_root`. */
  DB_SIZE: 48,
  DB_FLAGS: 4,
  DB_DEPTH: 6,
  DB_BRANCH_PAGES: 8,
  DB_LEAF_PAGES: 16,
  DB_OVERFLOW_PAGES: 24,
  DB_ENTRIES: 32,
  DB_ROOT: 40,
  FREE_DBI: 0,
  MAIN_DBI: 1,

  /** `MDB_node`: `mn_lo`, `mn_hi` (data size, or with `mn_flags` a branch's 48-bit child page), `mn_flags`, `mn_ksize`, then the key and the data. */
  NODE_LO: 0,
  NODE_HI: 2,
  NODE_FLAGS: 4,
  NODE_KSIZE: 6,
  NODE_HEADER: 8,

  /** Page flags (`mp_flags`). */
  P_BRANCH: 0x01,
  P_LEAF: 0x02,
  P_OVERFLOW: 0x04,
  P_META: 0x08,
  P_LEAF2: 0x20,
  P_SUBP: 0x40,
  /** The bits that say what a page is (the rest, `P_DIRTY`, `P_LOOSE`, `P_KEEP`, are in-memory state). */
  P_TYPE_MASK: 0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x40,

  /** Leaf node flags (`mn_flags`). */
  F_BIGDATA: 0x01,
  F_SUBDATA: 0x02,
  F_DUPDATA: 0x04,

  /** Database flags (`md_flags`), as `mdb_dbi_open` takes them. */
  MDB_REVERSEKEY: 0x02,
  MDB_DUPSORT: 0x04,
  MDB_INTEGERKEY: 0x08,
  MDB_DUPFIXED: 0x10,
  MDB_INTEGERDUP: 0x20,
  MDB_REVERSEDUP: 0x40,

  /** `CURSOR_STACK`: LMDB cannot walk a deeper tree. */
  MAX_DEPTH: 32,
} as const;
