import { type DecodeContext, imageError } from './decode-context';

/**
 * @internal Decodes BI_RLE8 / BI_RLE4 pixel data into palette indices in file row order, as PIL
 * 9.4's BmpRleDecoder: encoded runs are cut at the row's end, end-of-line pads the row with 0,
 * a delta skips pixels (left 0), absolute runs are padded to an even file position. Unlike PIL,
 * an odd-length RLE4 absolute run keeps its last pixel (PIL drops it). Data that ends before
 * the last pixel is an error, as in PIL ("not enough image data").
 */
export function decodeBmpRle(b: Uint8Array, at: number, width: number, height: number, rle4: boolean, ctx: DecodeContext): Uint8Array {
  const total = width * height;
  const out = new Uint8Array(total);
  let n = 0; // pixels produced (PIL's len(data))
  let x = 0;
  const push = (v: number) => {
    if (n < total) out[n] = v;
    n++;
  };
  while (n < total) {
    if (at + 2 > b.length) break;
    const count = b[at]!;
    const value = b[at + 1]!;
    at += 2;
    if (count > 0) {
      const run = x + count > width ? Math.max(0, width - x) : count;
      for (let i = 0; i < run; i++) push(rle4 ? (i % 2 === 0 ? value >> 4 : value & 15) : value);
      x += run;
    } else if (value === 0) {
      while (n % width !== 0) push(0);
      x = 0;
    } else if (value === 1) {
      break;
    } else if (value === 2) {
      if (at + 2 > b.length) break;
      const skip = b[at]! + b[at + 1]! * width;
      at += 2;
      n += skip; // the skipped pixels stay 0 (out is zero-filled)
      x = n % width;
    } else {
      const bytes = rle4 ? Math.ceil(value / 2) : value;
      if (at + bytes > b.length) break;
      for (let i = 0; i < value; i++) push(rle4 ? (i % 2 === 0 ? b[at + (i >> 1)]! >> 4 : b[at + (i >> 1)]! & 15) : b[at + i]!);
      at += bytes;
      x += value;
      if (at % 2 !== 0) at++;
    }
  }
  if (n < total) throw imageError(ctx, `truncated or corrupt BMP: the ${rle4 ? 'RLE4' : 'RLE8'} data ends after ${n} of ${total} pixels`);
  return out;
}
