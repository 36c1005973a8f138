import { ValueError } from '@dl/core';
import { datasets } from '@dl/vision';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from './encode-idx';

describe('encodeIdx', () => {
  it('writes the magic number, big-endian dimensions and the bytes', () => {
    expect(Array.from(encodeIdx(Uint8Array.of(7, 3), [2]))).toEqual([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]);
    const images = encodeIdx(Uint8Array.from({ length: 2 * 3 * 300 }, (_, i) => i % 256), [2, 3, 300]);
    expect(Array.from(images.subarray(0, 16))).toEqual([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 1, 44]);
  });

  it('round-trips through @dl/vision parseIdx', () => {
    const data = Uint8Array.from({ length: 4 * 28 * 28 }, (_, i) => (i * 37) % 256);
    const parsed = datasets.parseIdx(encodeIdx(data, [4, 28, 28]));
    expect(parsed.dtype).toBe('uint8');
    expect(parsed.shape).toEqual([4, 28, 28]);
    expect(Buffer.from(parsed.data as Uint8Array).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeIdx(new Uint8Array(5), [2, 2])).toThrow(ValueError);
    expect(() => encodeIdx(new Uint8Array(5), [2, 2])).toThrow('encodeIdx: shape [2, 2] holds 4 elements but the data has 5');
    expect(() => encodeIdx(new Uint8Array(0), [])).toThrow('encodeIdx: expected 1 to 255 dimensions, each an integer in 0..2^32-1, got []');
  });
});
