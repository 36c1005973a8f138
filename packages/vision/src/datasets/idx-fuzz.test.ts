import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DatasetError } from '@dl/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idxBytes, imagePixels } from '../../test/support/idx-bytes';
import { parseIdx, readIdxFile, type IdxArray } from './idx';
import { rng } from '../../test/support/seeded-rng';


const SEEDS: Uint8Array[] = [
  idxBytes('uint8', [3, 4, 5], imagePixels(3, 4, 5)),
  idxBytes('uint8', [6], [5, 0, 4, 1, 9, 2]),
  idxBytes('int32', [2, 8], [5, 0, 0, 12345, 1, 2, 3, 4, 0, 1, 2, 3, 4, 5, 6, 7]),
  idxBytes('float64', [2, 2], [0.5, -1, 2, 1e10]),
  idxBytes('int16', [3, 1], [-1, 2, 300]),
];
const INTERESTING_U32 = [0, 1, 2, 3, 4, 5, 8, 28, 255, 256, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 60000, 1 << 20];

/** One deterministic mutation of `seed`: header bytes, dimensions, rank, type code, truncation, growth. */
function mutate(seed: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes: Uint8Array = Uint8Array.from(seed);
  const steps = 1 + pick(3);
  for (let s = 0; s < steps; s++) {
    const rank = bytes.length > 3 ? bytes[3]! : 0;
    const header = Math.min(bytes.length, 4 + 4 * rank);
    switch (pick(8)) {
      case 0: // a random byte of the header
        if (header > 0) bytes[pick(header)] = pick(256);
        break;
      case 1: {
        // a dimension set to an interesting or random value
        if (rank === 0 || bytes.length < 8) break;
        const d = pick(Math.min(rank, Math.floor((bytes.length - 4) / 4)));
        const v = random() < 0.6 ? INTERESTING_U32[pick(INTERESTING_U32.length)]! : Math.floor(random() * 2 ** 32);
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(4 + 4 * d, v >>> 0, false);
        break;
      }
      case 2: // the rank byte
        if (bytes.length > 3) bytes[3] = random() < 0.5 ? pick(6) : pick(256);
        break;
      case 3: // the type code
        if (bytes.length > 2) bytes[2] = random() < 0.5 ? [8, 9, 11, 12, 13, 14, 10, 15, 0][pick(9)]! : pick(256);
        break;
      case 4: // truncation anywhere
        bytes = bytes.slice(0, pick(bytes.length + 1));
        break;
      case 5: {
        // extra bytes at the end
        const extra = Uint8Array.from({ length: 1 + pick(16) }, () => pick(256));
        const grown = new Uint8Array(bytes.length + extra.length);
        grown.set(bytes);
        grown.set(extra, bytes.length);
        bytes = grown;
        break;
      }
      case 6: // a random byte anywhere
        if (bytes.length > 0) bytes[pick(bytes.length)] = pick(256);
        break;
      default: // the magic number's leading zeros
        if (bytes.length > 1) bytes[pick(2)] = pick(256);
    }
  }
  return bytes;
}

/** The result is self-consistent and no larger than the file. */
function checkResult(idx: IdxArray, bytes: Uint8Array): void {
  const count = idx.shape.reduce((a, d) => a * d, 1);
  expect(idx.data.length).toBe(count);
  expect(idx.data.byteLength).toBeLessThanOrEqual(bytes.length);
}

describe('parseIdx fuzz', () => {
  it('returns a consistent result or throws a DatasetError for 6,000 mutated IDX files', () => {
    const random = rng(20240601);
    const outcomes = { parsed: 0, refused: 0 };
    for (let i = 0; i < 6000; i++) {
      const bytes = mutate(SEEDS[i % SEEDS.length]!, random);
      let result: IdxArray | undefined;
      try {
        result = parseIdx(bytes, `case-${i}`);
      } catch (error) {
        if (!(error instanceof DatasetError)) throw new Error(`case ${i} (${Buffer.from(bytes).toString('hex')}) threw ${String(error)}`);
        expect(error.message.startsWith(`case-${i}: not a valid IDX file: `)).toBe(true);
        outcomes.refused++;
        continue;
      }
      checkResult(result, bytes);
      outcomes.parsed++;
    }
    // Both paths are exercised: some mutations keep the file valid, most break it.
    expect(outcomes.parsed).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(3000);
  });
});

describe('readIdxFile fuzz (gzip-compressed files)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-idx-fuzz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns a consistent result or throws a DatasetError for 600 mutated .gz files', async () => {
    const random = rng(7);
    const gz = SEEDS.map((s) => gzipSync(s));
    for (let i = 0; i < 600; i++) {
      // Half mutate the IDX inside the gzip stream, half the compressed bytes themselves.
      const inner = i % 2 === 0;
      const bytes = inner ? gzipSync(mutate(SEEDS[i % SEEDS.length]!, random)) : mutate(gz[i % gz.length]!, random);
      const path = join(dir, `case-${i}.gz`);
      await writeFile(path, bytes);
      try {
        const idx = await readIdxFile(path, { maxBytes: 1 << 16 });
        expect(idx.data.length).toBe(idx.shape.reduce((a, d) => a * d, 1));
      } catch (error) {
        if (!(error instanceof DatasetError)) throw new Error(`gz case ${i} threw ${String(error)}`);
        expect(error.message.startsWith(`${path}: `)).toBe(true);
      }
    }
  });
});
