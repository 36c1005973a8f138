import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgumentTypeError, ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LmdbReader, openLmdb } from './lmdb-reader';

const LSUN = fileURLToPath(new URL('../../../test/fixtures/datasets/lsun/', import.meta.url));
const PAGE = 4096;

/** What py-lmdb read from a fixture (written by test/fixtures/generators/gen_lmdb.py). */
interface Listing {
  stat: { psize: number; depth: number; branch_pages: number; leaf_pages: number; overflow_pages: number; entries: number };
  txnid: number;
  entries: Array<{ key?: string; keySize?: number; keySha256?: string; size: number; sha256: string }>;
  databases?: Record<string, Pick<Listing, 'stat' | 'entries'>>;
}

const listing = (json: string): Listing => JSON.parse(readFileSync(join(LSUN, json), 'utf8')) as Listing;
const fixture = (dir: string): Uint8Array => new Uint8Array(readFileSync(join(LSUN, dir, 'data.mdb')));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** An entry as the listings give it: long keys by their hash. */
function described([key, value]: [Uint8Array, Uint8Array]): Listing['entries'][number] {
  const k = key.length <= 64 ? { key: hex(key) } : { keySize: key.length, keySha256: sha256(key) };
  return { ...k, size: value.length, sha256: sha256(value) };
}

function statOf(l: Pick<Listing, 'stat'>) {
  const s = l.stat;
  return { pageSize: s.psize, depth: s.depth, branchPages: s.branch_pages, leafPages: s.leaf_pages, overflowPages: s.overflow_pages, entries: s.entries };
}

/** `bytes` with the u64 at `at` set to `value`. */
function withU64(bytes: Uint8Array, at: number, value: bigint): Uint8Array {
  const copy = Uint8Array.from(bytes);
  new DataView(copy.buffer).setBigUint64(at, value, true);
  return copy;
}

/** Offsets in meta page `meta` of the main database's record fields and the txnid. */
const META = (meta: 0 | 1) => ({ depth: meta * PAGE + 88 + 6, entries: meta * PAGE + 88 + 32, root: meta * PAGE + 88 + 40, txnid: meta * PAGE + 144 });

function withOpen<T>(db: LmdbReader, f: (db: LmdbReader) => T): T {
  try {
    return f(db);
  } finally {
    db.close();
  }
}

describe('openLmdb', () => {
  const cases = [
    ['classroom_val_lmdb', 'classroom_val_lmdb.json', 'LSUN-like: hex ids, WebP and JPEG values, two levels, values on 1 and 2 overflow pages'],
    ['reader/deep', 'reader/deep.json', 'three levels, 508..511-byte keys, prefix keys, bytes >= 0x80, empty values'],
    ['reader/empty', 'reader/empty.json', 'no entries'],
    ['reader/named', 'reader/named.json', 'a main database of named databases (their records are the values)'],
  ] as const;

  it.each(cases)('reads %s (%s) as py-lmdb does: entries in cursor order, stat and txnid', (dir, json) => {
    const expected = listing(json);
    withOpen(openLmdb(join(LSUN, dir)), (db) => {
      expect(db.path).toBe(join(LSUN, dir, 'data.mdb'));
      expect(Array.from(db.entries(), described)).toEqual(expected.entries);
      expect(db.stat).toEqual(statOf(expected));
      expect(db.count).toBe(expected.entries.length);
      expect(db.txnid).toBe(expected.txnid);
    });
  });

  it.each(cases)('gets the value of every key of %s, and undefined for keys it lacks', (dir) => {
    withOpen(openLmdb(join(LSUN, dir)), (db) => {
      const entries = Array.from(db.entries());
      const keys = new Set(entries.map(([k]) => hex(k)));
      for (const [key, value] of entries) {
        expect(db.get(key)).toEqual(value);
        for (const near of [key.subarray(0, -1), Buffer.concat([key, Uint8Array.of(0)]), Uint8Array.from(key).map((b, i) => (i === key.length - 1 ? b ^ 1 : b))]) {
          if (!keys.has(hex(near))) expect(db.get(near)).toBeUndefined();
        }
      }
      for (const missing of [new Uint8Array(0), Uint8Array.of(0), new Uint8Array(600).fill(0xff)]) expect(db.get(missing)).toBeUndefined();
    });
  });

  it('reads the values on overflow pages (past half a page) whole', () => {
    withOpen(openLmdb(join(LSUN, 'classroom_val_lmdb')), (db) => {
      const big = Array.from(db.entries()).filter(([, v]) => v.length > 2040);
      expect(big.map(([, v]) => v.length).sort()).toEqual([2204, 4837]);
      expect(db.stat.overflowPages).toBe(3);
      for (const [key, value] of big) {
        expect(Array.from(value.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]); // JPEG
        expect(db.get(key)).toEqual(value);
      }
    });
  });

  it('reads the database lmdb-js wrote in format 1 (test/fixtures/datasets/lsun/bedroom_val_lmdb)', () => {
    withOpen(openLmdb(join(LSUN, 'bedroom_val_lmdb')), (db) => {
      expect(Array.from(db.keys(), (k) => Buffer.from(k).toString('latin1'))).toEqual([0, 1, 2].map((i) => `${'ab'.repeat(19)}0${i}`));
      expect(db.txnid).toBe(3);
      expect(Array.from(db.get(Buffer.from(`${'ab'.repeat(19)}01`))!.subarray(0, 4))).toEqual([0x52, 0x49, 0x46, 0x46]); // RIFF (WebP)
    });
  });

  it('reads the snapshot of the later transaction: meta page 0 or 1, whichever has the larger txnid', () => {
    const bytes = fixture('classroom_val_lmdb'); // txnid 2 on meta page 0; meta page 1 is transaction 1's, one entry fewer
    const current = withOpen(openLmdb(bytes), (db) => Array.from(db.keys(), hex));
    expect(current).toHaveLength(48);
    const older = withU64(bytes, META(1).txnid, 3n);
    withOpen(openLmdb(older), (db) => {
      expect(db.txnid).toBe(3);
      const keys = Array.from(db.keys(), hex);
      expect(keys).toHaveLength(47);
      expect(current.filter((k) => !keys.includes(k))).toHaveLength(1);
    });
    withOpen(openLmdb(withU64(older, META(0).txnid, 3n)), (db) => expect(Array.from(db.keys())).toHaveLength(48)); // a tie: meta page 0
  });

  it('reads named databases, each in its own key order (MDB_INTEGERKEY, MDB_REVERSEKEY)', () => {
    const { databases } = listing('reader/named.json');
    for (const name of ['intkey', 'reverse'] as const) {
      withOpen(openLmdb(join(LSUN, 'reader/named'), { database: name }), (db) => {
        expect(Array.from(db.entries(), described)).toEqual(databases![name]!.entries);
        expect(db.stat).toEqual(statOf(databases![name]!));
        for (const [key, value] of db.entries()) expect(db.get(key)).toEqual(value);
      });
    }
    withOpen(openLmdb(join(LSUN, 'reader/named'), { database: Buffer.from('intkey') }), (db) => {
      const numbers = Array.from(db.keys(), (k) => Buffer.from(k).readBigUInt64LE());
      expect(numbers).toEqual([...numbers].sort((a, b) => (a < b ? -1 : 1)));
      expect(new TextDecoder().decode(db.get(Buffer.from('0001000000000000', 'hex')))).toBe('n=256');
    });
  });

  it('opens an environment folder, its data file, or the file bytes alike', () => {
    const read = (db: LmdbReader) => withOpen(db, (d) => Array.from(d.entries(), described));
    const folder = read(openLmdb(join(LSUN, 'reader/deep')));
    expect(read(openLmdb(join(LSUN, 'reader/deep/data.mdb')))).toEqual(folder);
    const bytes = openLmdb(fixture('reader/deep'), { fileName: 'deep.mdb' });
    expect(bytes.path).toBe('deep.mdb');
    expect(read(bytes)).toEqual(folder);
    expect(openLmdb(fixture('reader/empty')).path).toBe('<bytes>');
  });

  it('gives fresh copies of keys and values', () => {
    withOpen(openLmdb(join(LSUN, 'classroom_val_lmdb')), (db) => {
      const [[key, value]] = [db.entries().next().value!];
      const original = Uint8Array.from(key);
      key.fill(0);
      value.fill(0);
      expect(db.get(original)).not.toEqual(value);
      expect(hex(db.keys().next().value!)).toBe(hex(original));
    });
  });

  it('refuses MDB_DUPSORT databases, and named databases that are missing or plain values', () => {
    const named = join(LSUN, 'reader/named/data.mdb');
    expect(() => openLmdb(join(LSUN, 'reader/named'), { database: 'dupsort' })).toThrow(
      new DatasetError(`${named}: unsupported LMDB database: database 'dupsort' has MDB_DUPSORT (several values per key), which this reader does not read`),
    );
    expect(() => openLmdb(join(LSUN, 'reader/named'), { database: 'images' })).toThrow(
      new DatasetError(`${named}: there is no database named 'images' (no such key in the main database)`),
    );
    const classroom = join(LSUN, 'classroom_val_lmdb');
    const first = withOpen(openLmdb(classroom), (db) => db.keys().next().value!);
    expect(() => openLmdb(classroom, { database: first })).toThrow(
      new DatasetError(`${join(classroom, 'data.mdb')}: key '${Buffer.from(first).toString()}' of the main database holds a value, not a named database`),
    );
  });

  it('refuses a database counting more entries than maxKeys', () => {
    expect(() => openLmdb(fixture('classroom_val_lmdb'), { maxKeys: 47 })).toThrow(
      new DatasetError('<bytes>: the main database has 48 entries, more than maxKeys (47)'),
    );
    expect(openLmdb(fixture('classroom_val_lmdb'), { maxKeys: 48 }).count).toBe(48);
    expect(() => openLmdb(join(LSUN, 'reader/named'), { database: 'intkey', maxKeys: 3 })).toThrow(/database 'intkey' has 19 entries, more than maxKeys \(3\)$/);
  });

  it('validates its arguments', () => {
    expect(() => openLmdb(5 as unknown as string)).toThrow(new ArgumentTypeError('openLmdb: expected source to be a path or a Uint8Array, got number 5'));
    expect(() => openLmdb(fixture('reader/empty'), { maxKeys: -1 })).toThrow(new ValueError('openLmdb: expected maxKeys to be a number >= 0, got number -1'));
    expect(() => openLmdb(fixture('reader/empty'), { database: 7 as unknown as string })).toThrow(
      new ArgumentTypeError('openLmdb: expected database to be a string or a Uint8Array, got number 7'),
    );
    withOpen(openLmdb(fixture('reader/empty')), (db) => {
      expect(() => db.get('abc' as unknown as Uint8Array)).toThrow(new ArgumentTypeError("LmdbReader.get: expected key to be a Uint8Array, got the string 'abc'"));
    });
  });

  it('closes the file: reading after close is a DatasetError', () => {
    const db = openLmdb(join(LSUN, 'classroom_val_lmdb'));
    const keys = db.keys();
    keys.next();
    db.close();
    db.close();
    const closed = new DatasetError(`${join(LSUN, 'classroom_val_lmdb', 'data.mdb')}: the LMDB reader is closed`);
    expect(() => db.get(Buffer.from('00'))).toThrow(closed);
    expect(() => Array.from(db.entries())).toThrow(closed);
  });
});

describe('openLmdb on files that are not LMDB 0.9 databases', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-lmdb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a missing file or a folder without data.mdb, naming it', async () => {
    const missing = join(dir, 'nothing');
    expect(() => openLmdb(missing)).toThrow(new DatasetError(`${missing}: cannot open the LMDB database: ENOENT: no such file or directory, stat '${missing}'`));
    expect(() => openLmdb(dir)).toThrow(
      new DatasetError(`${join(dir, 'data.mdb')}: cannot open the LMDB database: ENOENT: no such file or directory, open '${join(dir, 'data.mdb')}'`),
    );
    await writeFile(join(dir, 'data.mdb'), new Uint8Array(20000).fill(7));
    expect(() => openLmdb(dir)).toThrow(new DatasetError(`${join(dir, 'data.mdb')}: not a valid LMDB database: meta page 0 has mm_magic 0x07070707, expected 0xbeefc0de`));
  });

  it('says what is wrong with the header', () => {
    const classroom = fixture('classroom_val_lmdb');
    const header = (f: (v: DataView) => void): Uint8Array => {
      const bytes = new Uint8Array(3 * PAGE);
      f(new DataView(bytes.buffer));
      return bytes;
    };
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), 'not a valid LMDB database: the file has 0 bytes, too few for a meta page (152)'],
      [classroom.slice(0, 5000), 'not a valid LMDB database: the file has 5000 bytes, fewer than its two meta pages of 4096 bytes'],
      [withU64(classroom, 40, 1000n), 'not a valid LMDB database: meta page 0 has page size 1000, expected a power of two from 512 to 65536'],
      [withU64(classroom, 16, 0x2_beefc0den), 'not a valid LMDB database: meta page 0 is of data format 2, expected 1 (LMDB 0.9.x)'],
      [withU64(classroom, 8, 0n), 'not a valid LMDB database: page 0 is not a meta page (mp_flags 0x00000000)'],
      [withU64(classroom, PAGE + 16, 0x1_beefc0dfn), 'not a valid LMDB database: meta page 1 has mm_magic 0xbeefc0df, expected 0xbeefc0de'],
      [withU64(classroom, PAGE + 40, 8192n), 'not a valid LMDB database: its meta pages disagree on the page size (4096 and 8192)'],
      [
        header((v) => {
          v.setUint32(24, 0xbeefc0de, true);
          v.setUint32(28, 2, true);
        }),
        "unsupported LMDB database: it is in LMDB's data format 2 (LMDB 0.9.90, as lmdb-js writes by default), which this reader does not read; read it with the lmdb package",
      ],
      [header((v) => v.setUint32(16, 0xbeefc0de, false)), 'unsupported LMDB database: it was written by a big-endian build of LMDB, which this reader does not read'],
      [header((v) => v.setUint32(12, 0xbeefc0de, true)), 'unsupported LMDB database: it was written by a 32-bit build of LMDB (4-byte page numbers), which this reader does not read'],
    ];
    for (const [bytes, message] of cases) expect(() => openLmdb(bytes, { fileName: 'x.mdb' })).toThrow(new DatasetError(`x.mdb: ${message}`));
  });

  it("says what is wrong with the database's record", () => {
    const classroom = fixture('classroom_val_lmdb');
    const main = 'x.mdb: not a valid LMDB database: the main database: ';
    const cases: Array<[Uint8Array, string]> = [
      [withU64(classroom, META(0).root, 1000n), "its root page 1000 is outside the file's tree pages 2..11"],
      [withU64(classroom, META(0).root, 1n), "its root page 1 is outside the file's tree pages 2..11"],
      [withU64(classroom, META(0).root, 0xffff_ffff_ffff_ffffn), 'it has no root page, but a depth of 2 and 48 entries'],
      [withU64(classroom, META(0).depth - 6, 0x0021_0000_0000_0000n), 'its depth is 33, expected 1 to 32'],
      [withU64(classroom, META(0).depth - 6, 0x0002_0080_0000_0000n), 'its flags 0x80 have unknown bits'],
      [withU64(classroom, META(0).entries, 1n << 40n), 'it counts 1099511627776 entries, expected 1 to 3700 for its 12 pages'],
    ];
    for (const [bytes, message] of cases) expect(() => openLmdb(bytes, { fileName: 'x.mdb' })).toThrow(new DatasetError(main + message));
  });

  it('says what is wrong with a page when it reaches it', () => {
    const deep = fixture('reader/deep'); // current meta: page 1
    const root = Number(new DataView(deep.buffer).getBigUint64(META(1).root, true));
    const read = (bytes: Uint8Array) => withOpen(openLmdb(bytes, { fileName: 'x.mdb' }), (db) => Array.from(db.entries()).length);
    const main = 'x.mdb: not a valid LMDB database: the main database: ';

    // The root's second child set to its first: the first subtree comes twice, keys go back.
    const twice = Uint8Array.from(deep);
    const v = new DataView(twice.buffer);
    const node = (i: number) => root * PAGE + v.getUint16(root * PAGE + 16 + 2 * i, true);
    twice.copyWithin(node(1), node(0), node(0) + 6);
    expect(() => read(twice)).toThrow(/^x\.mdb: not a valid LMDB database: the main database: key 'k000[a-z]*'\.\.\. \(\d+ bytes\) on leaf page \d+ does not follow key .* in key order$/);

    // The root's first child set to the root itself: the walk meets it again on the last level, which needs a leaf.
    const loop = Uint8Array.from(deep);
    new DataView(loop.buffer).setUint16(node(0), root, true);
    new DataView(loop.buffer).setUint16(node(0) + 2, 0, true);
    expect(() => read(loop)).toThrow(new DatasetError(`x.mdb: not a valid LMDB database: leaf page ${root} has mp_flags 0x1 (P_BRANCH), expected 0x2 (leaf)`));

    // One entry more counted than the leaves hold.
    expect(() => read(withU64(deep, META(1).entries, 64n))).toThrow(new DatasetError(`${main}its leaf pages hold 63 entries, its record counts 64`));
    expect(() => read(withU64(deep, META(1).entries, 62n))).toThrow(new DatasetError(`${main}its leaf pages hold more than the 62 entries its record counts`));

    // A page that names another page number.
    const moved = withU64(deep, root * PAGE, 3n);
    expect(() => read(moved)).toThrow(new DatasetError(`x.mdb: not a valid LMDB database: branch page ${root} says it is page 3`));
  });

  it('says what is wrong with a value on overflow pages', () => {
    const classroom = fixture('classroom_val_lmdb');
    const v = new DataView(classroom.buffer);
    const overflow = [...Array(classroom.length / PAGE).keys()].filter((p) => v.getUint16(p * PAGE + 10, true) === 0x04 && v.getBigUint64(p * PAGE, true) === BigInt(p));
    expect(overflow).toHaveLength(2); // a 1-page and a 2-page run
    const broken = withU64(classroom, overflow[0]! * PAGE, 99n);
    const read = (bytes: Uint8Array) => withOpen(openLmdb(bytes, { fileName: 'x.mdb' }), (db) => Array.from(db.entries()).length);
    expect(() => read(broken)).toThrow(
      new RegExp(`^x\\.mdb: not a valid LMDB database: the main database: the value of key '[0-9a-f]{40}' \\(leaf page \\d+\\) points to page ${overflow[0]}, which is not its overflow run \\(page number 99, mp_flags 0x4, \\d pages for \\d needed\\)$`),
    );
    const cut = classroom.slice(0, (Math.max(...overflow) + 1) * PAGE - 100); // the last run cut short
    expect(() => read(cut)).toThrow(/points to page|outside the file's tree pages|is cut short/);
  });
});
