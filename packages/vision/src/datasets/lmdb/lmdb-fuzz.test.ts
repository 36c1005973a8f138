import { readFileSync } from 'node:fs';
import { DatasetError } from '@dl/core/node';
import { describe, expect, it } from 'vitest';
import { openLmdb } from './lmdb-reader';
import { rng } from '../../../test/support/seeded-rng';


const LSUN = new URL('../../../test/fixtures/datasets/lsun/', import.meta.url);
const SEEDS: Array<{ bytes: Uint8Array; database?: string }> = [
  { bytes: new Uint8Array(readFileSync(new URL('classroom_val_lmdb/data.mdb', LSUN))) },
  { bytes: new Uint8Array(readFileSync(new URL('reader/deep/data.mdb', LSUN))) },
  { bytes: new Uint8Array(readFileSync(new URL('bedroom_val_lmdb/data.mdb', LSUN))) },
  { bytes: new Uint8Array(readFileSync(new URL('reader/named/data.mdb', LSUN))), database: 'intkey' },
];
const PAGE = 4096;
/** Values that make page numbers, sizes and counts interesting: 0, 1, the edges of pages, u16/u32/u64 extremes. */
const WORDS = [0n, 1n, 2n, 3n, 4n, 11n, 12n, 15n, 16n, 18n, 4095n, 4096n, 4097n, 0x7fffn, 0xffffn, 0x10000n, 0xffff_ffffn, 0x1_0000_0000n, 0xffff_ffff_ffff_ffffn];

function mutate(seed: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes = Uint8Array.from(seed);
  const view = () => new DataView(bytes.buffer);
  const original = new DataView(seed.buffer, seed.byteOffset, seed.length);
  for (let steps = 1 + pick(3); steps > 0 && bytes.length >= 2 * PAGE; steps--) {
    const pages = Math.floor(bytes.length / PAGE);
    const base = pick(pages) * PAGE;
    const node = original.getUint16(base + 16 + 2 * pick(8), true); // where a node of this page was
    switch (pick(8)) {
      case 0: // a page header byte: page number, flags, lower/upper, overflow page count
        bytes[base + pick(16)] = pick(256);
        break;
      case 1: // a node pointer
        view().setUint16(base + 16 + 2 * pick(24), Number(WORDS[pick(WORDS.length)]! & 0xffffn) || pick(PAGE), true);
        break;
      case 2: // a node header byte: data size, flags, child page number, key size
        if (node + 8 <= PAGE) bytes[base + node + pick(8)] = random() < 0.5 ? pick(256) : [0, 1, 2, 4, 0xff][pick(5)]!;
        break;
      case 3: // a meta field (txnid, last page, the databases' depth, entries, root) set to an interesting u64
        view().setBigUint64(pick(2) * PAGE + 40 + 8 * pick(14), WORDS[pick(WORDS.length)]!, true);
        break;
      case 4: // one page copied over another: links to the wrong kind of page, pages linked twice
        bytes.copyWithin(base, pick(pages) * PAGE, pick(pages) * PAGE + PAGE);
        break;
      case 5: // cut short
        bytes = bytes.slice(0, random() < 0.5 ? pick(pages + 1) * PAGE : pick(bytes.length + 1));
        break;
      case 6: {
        // the 8 bytes after a node's key: a big value's first overflow page
        const at = node + 8 + (node + 8 <= PAGE ? original.getUint16(base + node + 6, true) : 0);
        if (at + 8 <= PAGE) view().setBigUint64(base + at, WORDS[pick(WORDS.length)]!, true);
        break;
      }
      default: // any byte
        bytes[pick(bytes.length)] = pick(256);
    }
  }
  return bytes;
}

/** Reads everything: the entries, and a lookup of every key the seed holds (and one it lacks). */
function readAll(bytes: Uint8Array, name: string, database: string | undefined, keys: Uint8Array[]): number {
  const db = openLmdb(bytes, { fileName: name, database });
  try {
    let n = 0;
    for (const [key, value] of db.entries()) {
      expect(key).toBeInstanceOf(Uint8Array);
      expect(value.length).toBeLessThanOrEqual(bytes.length);
      n++;
    }
    for (const key of keys) db.get(key);
    db.get(Uint8Array.of(0x7f, 0x7f));
    return n;
  } finally {
    db.close();
  }
}

describe('openLmdb fuzz', () => {
  it('reads or refuses with a DatasetError naming the file, quickly, each of 2,400 mutated databases', () => {
    const random = rng(20240611);
    const keys = SEEDS.map((s) => Array.from(openLmdb(s.bytes, { database: s.database }).keys()));
    let refused = 0;
    let slowest = 0;
    for (let i = 0; i < 2400; i++) {
      const seed = SEEDS[i % SEEDS.length]!;
      const bytes = mutate(seed.bytes, random);
      const name = `case-${i}/data.mdb`;
      const start = performance.now();
      try {
        readAll(bytes, name, seed.database, keys[i % SEEDS.length]!);
      } catch (error) {
        if (!(error instanceof DatasetError)) throw new Error(`case ${i} threw ${String(error)}`, { cause: error });
        expect(error.message.startsWith(`${name}: `)).toBe(true);
        refused++;
      }
      slowest = Math.max(slowest, performance.now() - start);
    }
    expect(refused).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(2400); // some mutations hit bytes no reader looks at
    expect(slowest).toBeLessThan(500);
  });
});
