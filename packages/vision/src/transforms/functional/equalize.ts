import { ValueError, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkInt8Bit, checkLutMode, checkRank3 } from './internal/color-checks';
import { applyLut, bandHistograms, equalizeLut } from './internal/color-lut';
import { tensorFrom } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

const IDENTITY = Array.from({ length: 256 }, (_, i) => i);

/**
 * Equalizes the histogram of each channel (torchvision's `equalize`), mapping levels through
 * PIL's cumulative-histogram table. Works on an {@link Image} of mode `L` or `RGB` (PIL's
 * `ImageOps.equalize`) and on an int32 8-bit tensor `[..., 1 or 3, H, W]`, each image and channel
 * on its own (torchvision accepts only uint8 tensors).
 *
 * @example
 * ```ts
 * equalize(img);
 * equalize(pilToTensor(img)); // the same levels, as an int32 tensor
 * ```
 */
export function equalize<T extends ImageInput>(img: T): T {
  const op = 'equalize';
  if (checkImageInput(img, op) === 'image') {
    const src = img as Image;
    checkLutMode(src, op);
    return applyLut(src, bandHistograms(src).map((h) => equalizeLut(h) ?? IDENTITY)) as T;
  }
  const t = img as Tensor;
  checkRank3(t, op);
  checkInt8Bit(t, op);
  checkChannels(t, [1, 3], op);
  const s = t.shape;
  const plane = s[s.length - 2]! * s[s.length - 1]!;
  if (plane === 0) return t as T;
  const data = Int32Array.from(t.dataSync());
  const hist = new Array<number>(256);
  for (let at = 0; at < data.length; at += plane) {
    hist.fill(0);
    for (let p = at; p < at + plane; p++) {
      const v = data[p]!;
      if (!(v >= 0 && v <= 255)) throw new ValueError(`${op}: an int32 image tensor holds 8-bit values 0..255, got ${v}`);
      hist[v]++;
    }
    const lut = equalizeLut(hist);
    if (lut) for (let p = at; p < at + plane; p++) data[p] = lut[data[p]!]!;
  }
  return tensorFrom(data, s) as T;
}
