import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DatasetError } from '@dl/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idxBytes } from '../../test/support/idx-bytes';
import { IDX_TYPE_CODES, parseIdx, readIdxFile, type IdxDType } from './idx';

describe('parseIdx', () => {
  it('reads uint8 images as a view of the bytes (no copy)', () => {
    const bytes = idxBytes('uint8', [2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const idx = parseIdx(bytes, 'imgs');
    expect(idx.dtype).toBe('uint8');
    expect(idx.shape).toEqual([2, 2, 3]);
    expect(Array.from(idx.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(idx.data.buffer).toBe(bytes.buffer);
  });

  const cases: Array<[IdxDType, number[]]> = [
    ['int8', [-128, -1, 0, 127]],
    ['int16', [-32768, -2, 258, 32767]],
    ['int32', [-2147483648, -3, 16909060, 2147483647]],
    ['float32', [-1.5, 0, 0.25, 3.5e38]],
    ['float64', [-1e300, 0.1, Math.PI, 2 ** 60]],
  ];
  for (const [dtype, values] of cases) {
    it(`decodes big-endian ${dtype} elements`, () => {
      const idx = parseIdx(idxBytes(dtype, [2, 2], values), 'x');
      expect(idx.dtype).toBe(dtype);
      expect(idx.shape).toEqual([2, 2]);
      expect(Array.from(idx.data)).toEqual(dtype === 'float32' ? values.map(Math.fround) : values);
    });
  }

  it("maps torchvision's type codes", () => {
    expect(IDX_TYPE_CODES).toEqual({ 8: 'uint8', 9: 'int8', 11: 'int16', 12: 'int32', 13: 'float32', 14: 'float64' });
  });

  it('reads an empty array whose dimension is 0', () => {
    expect(parseIdx(idxBytes('uint8', [0, 28, 28], []), 'e').shape).toEqual([0, 28, 28]);
  });

  const bad: Array<[string, Uint8Array, string]> = [
    ['fewer than 4 bytes', Uint8Array.of(0, 0, 8), 'the file has 3 bytes, fewer than the 4 of the magic number'],
    ['a magic number not starting with zeros', Uint8Array.of(0x1f, 0x8b, 8, 1, 0, 0, 0, 0), 'the magic number must start with two zero bytes, got 0x1f 0x8b'],
    ['an unknown type code', Uint8Array.of(0, 0, 0x0a, 1, 0, 0, 0, 0), 'unknown type code 0x0a (expected one of 0x08 0x09 0x0b 0x0c 0x0d 0x0e)'],
    ['0 dimensions', Uint8Array.of(0, 0, 8, 0), 'the header lists 0 dimensions'],
    ['a header cut short', Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 1, 0, 0), 'the header lists 3 dimensions (16 header bytes) but the file has only 10 bytes'],
    [
      'dimensions that multiply past the data',
      idxBytes('uint8', [60000, 28, 28], [1, 2, 3]),
      'the header claims dimensions [60000, 28, 28] of uint8 (47040000 bytes of data) but 3 bytes follow the header',
    ],
    ['data left over after the dimensions', idxBytes('uint8', [2], [1, 2, 3]), 'the header claims dimensions [2] of uint8 (2 bytes of data) but 3 bytes follow the header'],
    [
      'int32 data that is not a whole number of elements',
      Uint8Array.of(0, 0, 0x0c, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0),
      'the header claims dimensions [2] of int32 (8 bytes of data) but 6 bytes follow the header',
    ],
  ];
  for (const [what, bytes, message] of bad) {
    it(`throws a DatasetError naming the file for ${what}`, () => {
      expect(() => parseIdx(bytes, 'train-images-idx3-ubyte')).toThrow(new DatasetError(`train-images-idx3-ubyte: not a valid IDX file: ${message}`));
    });
  }

  it('refuses dimensions of 2^32 - 1 each without allocating them', () => {
    const bytes = Uint8Array.of(0, 0, 0x0e, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1, 2, 3, 4, 5, 6, 7, 8);
    expect(() => parseIdx(bytes, 'huge')).toThrow(DatasetError);
    expect(() => parseIdx(bytes, 'huge')).toThrow(/claims dimensions \[4294967295, 4294967295, 4294967295\] of float64 .* but 8 bytes follow the header/);
  });
});

describe('readIdxFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-idx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads plain and gzip-compressed files', async () => {
    const bytes = idxBytes('uint8', [3], [7, 8, 9]);
    await writeFile(join(dir, 'plain'), bytes);
    await writeFile(join(dir, 'packed.gz'), gzipSync(bytes));
    for (const name of ['plain', 'packed.gz']) {
      const idx = await readIdxFile(join(dir, name));
      expect([idx.shape, Array.from(idx.data)]).toEqual([[3], [7, 8, 9]]);
    }
  });

  it('names the file when it is missing', async () => {
    const path = join(dir, 'nope');
    await expect(readIdxFile(path)).rejects.toThrow(new DatasetError(`${path}: cannot read the IDX file: no such file (ENOENT)`));
  });

  it('names the file when the gzip data is truncated or corrupt', async () => {
    const gz = gzipSync(idxBytes('uint8', [100], new Uint8Array(100).fill(5)));
    const truncated = join(dir, 'truncated.gz');
    await writeFile(truncated, gz.subarray(0, gz.length - 12));
    await expect(readIdxFile(truncated)).rejects.toThrow(new DatasetError(`${truncated}: cannot read the IDX file: corrupt or truncated gzip data (unexpected end of file)`));
    const corrupt = join(dir, 'corrupt.gz');
    const flipped = Uint8Array.from(gz);
    flipped[12] ^= 0xff;
    flipped[13] ^= 0xff;
    await writeFile(corrupt, flipped);
    const error = await readIdxFile(corrupt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(new RegExp(`^${corrupt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the IDX file: corrupt or truncated gzip data \\(`));
  });

  it('stops inflating at maxBytes', async () => {
    const path = join(dir, 'bomb.gz');
    await writeFile(path, gzipSync(idxBytes('uint8', [1 << 20], new Uint8Array(1 << 20))));
    await expect(readIdxFile(path, { maxBytes: 4096 })).rejects.toThrow(
      new DatasetError(`${path}: cannot read the IDX file: it inflates past the limit of 4096 bytes (maxBytes)`),
    );
  });

  it('names the file when the IDX header lies', async () => {
    const path = join(dir, 'liar');
    await writeFile(path, idxBytes('uint8', [10, 28, 28], [1]));
    await expect(readIdxFile(path)).rejects.toThrow(
      new DatasetError(`${path}: not a valid IDX file: the header claims dimensions [10, 28, 28] of uint8 (7840 bytes of data) but 1 bytes follow the header`),
    );
  });
});
