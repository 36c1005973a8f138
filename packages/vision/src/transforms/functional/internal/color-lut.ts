import { Image } from '../../../image/image';

/**
 * @internal PIL's `Image.point(lut)` on an 8-bit image: `luts` holds one 256-entry table per
 * band (or one table for every band); entries are clipped to `[0, 255]` as PIL's `CLIP8` does.
 */
export function applyLut(img: Image, luts: readonly (readonly number[])[]): Image {
  const c = img.channels;
  const tables = Array.from({ length: c }, (_, k) => {
    const src = luts[luts.length === 1 ? 0 : k]!;
    const t = new Uint8Array(256);
    for (let i = 0; i < 256; i++) {
      const v = src[i]!;
      t[i] = Math.min(255, Math.max(0, v));
    }
    return t;
  });
  const src = img.data;
  const out = new Uint8Array(src.length);
  if (c === 1) {
    const t = tables[0]!;
    for (let i = 0; i < src.length; i++) out[i] = t[src[i]!]!;
  } else {
    for (let i = 0; i < src.length; i += c) for (let k = 0; k < c; k++) out[i + k] = tables[k]![src[i + k]!]!;
  }
  return new Image(img.width, img.height, img.mode, out);
}

/** @internal The per-band 256-bin histograms of an 8-bit image (PIL's `Image.histogram()`, split per band). */
export function bandHistograms(img: Image): number[][] {
  const c = img.channels;
  const hists = Array.from({ length: c }, () => new Array<number>(256).fill(0));
  const src = img.data;
  for (let i = 0; i < src.length; i += c) for (let k = 0; k < c; k++) hists[k]![src[i + k]!]!++;
  return hists;
}

/**
 * @internal The histogram-equalization table of one band (PIL's `ImageOps.equalize`, which
 * torchvision's tensor `_scale_channel` reproduces): `step = (pixels - count of the last used
 * level) // 255`; `lut[i] = (step // 2 + pixels below i) // step`. Null when the band keeps its
 * values (one level only, or `step` 0).
 */
export function equalizeLut(hist: ArrayLike<number>): number[] | null {
  let total = 0;
  let last = 0;
  for (let i = 0; i < 256; i++) {
    const n = hist[i]!;
    if (n) {
      total += n;
      last = n;
    }
  }
  const step = Math.floor((total - last) / 255);
  if (step === 0) return null;
  const lut = new Array<number>(256);
  let n = Math.floor(step / 2);
  for (let i = 0; i < 256; i++) {
    lut[i] = Math.min(255, Math.floor(n / step));
    n += hist[i]!;
  }
  return lut;
}
