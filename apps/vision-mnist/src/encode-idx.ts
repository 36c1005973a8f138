import { ValueError } from '@dl/core';

/**
 * The bytes of an uncompressed IDX file of unsigned bytes (LeCun's MNIST format, the files
 * torchvision's and @dl/vision's `MNIST` read): the magic number `0x00 0x00 0x08 <rank>`, each
 * dimension as a big-endian uint32, then the data.
 *
 * @example
 * ```ts
 * encodeIdx(Uint8Array.of(7, 3), [2]); // Uint8Array [0, 0, 8, 1, 0, 0, 0, 2, 7, 3]
 * ```
 */
export function encodeIdx(data: Uint8Array, shape: readonly number[]): Uint8Array {
  if (shape.length < 1 || shape.length > 255 || !shape.every((d) => Number.isInteger(d) && d >= 0 && d <= 0xffffffff)) {
    throw new ValueError(`encodeIdx: expected 1 to 255 dimensions, each an integer in 0..2^32-1, got [${shape.join(', ')}]`);
  }
  const count = shape.reduce((a, d) => a * d, 1);
  if (count !== data.length) throw new ValueError(`encodeIdx: shape [${shape.join(', ')}] holds ${count} elements but the data has ${data.length}`);
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + data.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, 0x08, shape.length]);
  for (let i = 0; i < shape.length; i++) view.setUint32(4 + 4 * i, shape[i]!, false);
  out.set(data, header);
  return out;
}
