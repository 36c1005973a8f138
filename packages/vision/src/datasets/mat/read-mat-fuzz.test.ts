import { readFileSync } from 'node:fs';
import { DatasetError } from '@dl/core/node';
import { describe, expect, it } from 'vitest';
import { matBytes } from '../../../test/support/mat-bytes';
import { readMat } from './read-mat';
import { rng } from '../../../test/support/seeded-rng';

const FIXTURES = new URL('../../../test/fixtures/datasets/mat/', import.meta.url);
const SEEDS = [
  new Uint8Array(readFileSync(new URL('types.mat', FIXTURES))),
  new Uint8Array(readFileSync(new URL('types_compressed.mat', FIXTURES))),
  matBytes({ s: { kind: 'struct', dims: [2, 1], fields: ['a', 'b'], elements: [[{ kind: 'char', dims: [1, 1], text: 'p' }, { kind: 'double', dims: [1, 2], data: [1, 2], stored: 'uint8' }], [{ kind: 'cell', dims: [1, 1], cells: [{ kind: 'char', dims: [1, 2], text: 'ab' }] }, { kind: 'uint8', dims: [1, 1], data: [3] }]] } }, { littleEndian: false }),
];
const WORDS = [0, 1, 2, 5, 6, 7, 8, 14, 15, 0x7fffffff, 0x80000000, 0xffffffff, 0x00040001, 0x00010002];

function mutate(seed: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes = Uint8Array.from(seed);
  for (let s = 1 + pick(3); s > 0; s--) {
    switch (pick(5)) {
      case 0: // a byte of a tag-aligned word past the header (types, lengths, flags, dims)
        bytes[128 + 4 * pick((bytes.length - 128) >> 2) + pick(4)] = pick(256);
        break;
      case 1: {
        // a whole aligned word set to an interesting value
        const at = 128 + 4 * pick((bytes.length - 128) >> 2);
        if (at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, WORDS[pick(WORDS.length)]!, random() < 0.5);
        break;
      }
      case 2: // truncation
        bytes = bytes.slice(0, pick(bytes.length + 1));
        break;
      case 3: // any byte
        if (bytes.length) bytes[pick(bytes.length)] = pick(256);
        break;
      default: // the header's version and endian bytes
        if (bytes.length >= 128) bytes[124 + pick(4)] = pick(256);
    }
  }
  return bytes;
}

describe('readMat fuzz', () => {
  it('returns variables or throws a DatasetError for 3,000 mutated MAT-files', () => {
    const random = rng(424242);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = mutate(SEEDS[i % SEEDS.length]!, random);
      try {
        readMat(bytes, { name: `case-${i}.mat`, maxBytes: 1 << 20 });
      } catch (error) {
        if (!(error instanceof DatasetError)) throw new Error(`case ${i} threw ${String(error)}`);
        expect(error.message.startsWith(`case-${i}.mat: not a valid MAT-file: `)).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
