import type { Tensor } from '@dl/core';
import type { Image } from '../../../image/image';
import { tensorFrom } from './color-tensor';

/**
 * @internal `normalize(toTensor(img), mean, std)` in one pass over the bytes and one tensor, for
 * `Compose([..., ToTensor(), Normalize(mean, std), ...])` on an Image: per channel, a 256-entry
 * table of torchvision's float32 result `((v / 255) - mean) / std` (each step rounded to float32,
 * as the two tensor ops round), so the output is bit-identical to the two-step path. Returns
 * undefined when `mean`/`std` do not fit the image's channels (the two-step path then reports it).
 */
export function toNormalizedTensor(img: Image, mean: readonly number[], std: readonly number[]): Tensor | undefined {
  const c = img.channels;
  if ((mean.length !== 1 && mean.length !== c) || (std.length !== 1 && std.length !== c)) return undefined;
  const tables: Float32Array[] = [];
  for (let k = 0; k < c; k++) {
    const m = Math.fround(mean[mean.length === 1 ? 0 : k]!);
    const s = Math.fround(std[std.length === 1 ? 0 : k]!);
    if (s === 0) return undefined;
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = Math.fround(Math.fround(Math.fround(v / 255) - m) / s);
    tables.push(table);
  }
  const { width: w, height: h, data } = img;
  const plane = w * h;
  const out = new Float32Array(plane * c);
  if (c === 3) {
    const [t0, t1, t2] = tables as [Float32Array, Float32Array, Float32Array];
    for (let p = 0, s = 0; p < plane; p++, s += 3) {
      out[p] = t0[data[s]!]!;
      out[plane + p] = t1[data[s + 1]!]!;
      out[2 * plane + p] = t2[data[s + 2]!]!;
    }
  } else {
    for (let p = 0, s = 0; p < plane; p++, s += c) for (let k = 0; k < c; k++) out[k * plane + p] = tables[k]![data[s + k]!]!;
  }
  return tensorFrom(out, [c, h, w]);
}
