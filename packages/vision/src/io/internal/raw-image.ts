import { type Tensor, tensor } from '@dl/core';
import { Image, type ImageMode } from '../../image/image';
import type { ImageReadMode } from '../image-read-mode';

/** @internal Channels of decoded pixels: gray, gray+alpha, RGB, RGB+alpha. */
export type RawChannels = 1 | 2 | 3 | 4;

/**
 * @internal Decoded 8-bit pixels, HWC, with the file's own channels. `colorKey` marks an alpha
 * channel made from a PNG `tRNS` colour (PIL keeps such an image in mode `L`/`RGB` with
 * `info['transparency']`, and only `convert('LA'|'RGBA')` turns the key into alpha).
 */
export interface RawImage {
  width: number;
  height: number;
  channels: RawChannels;
  data: Uint8Array;
  colorKey?: boolean;
}

const READ_MODE_CHANNELS: Record<Exclude<ImageReadMode, 'unchanged'>, RawChannels> = { gray: 1, gray_alpha: 2, rgb: 3, rgb_alpha: 4 };
const MODE_CHANNELS: Record<ImageMode, RawChannels> = { L: 1, RGB: 3, RGBA: 4 };

/** @internal PIL's `L` from RGB (ITU-R 601-2 luma in 16.16 fixed point, `Convert.c`'s L24). */
export function luma(r: number, g: number, b: number): number {
  return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
}

/** @internal The channels of the image PIL would hold: a colour key is info, not a channel. */
export function naturalChannels(raw: RawImage): RawChannels {
  if (raw.colorKey && (raw.channels === 2 || raw.channels === 4)) return raw.channels === 2 ? 1 : 3;
  return raw.channels;
}

/**
 * @internal The pixels with `to` channels, converted as PIL's `Image.convert` does (gray is
 * replicated, colour becomes L24 luma, missing alpha is 255, dropped alpha is dropped). Returns
 * `raw.data` itself when nothing changes. PIL 9.4 turns a colour key into alpha for `L` -> `LA`
 * / `RGBA` and `RGB` -> `RGBA`, but not for `RGB` -> `LA` (alpha 255 there).
 */
export function convertChannels(raw: RawImage, to: RawChannels): Uint8Array {
  const from = raw.channels;
  if (from === to) return raw.data;
  const keyIgnored = raw.colorKey === true && from === 4 && to === 2;
  const n = raw.width * raw.height;
  const src = raw.data;
  const out = new Uint8Array(n * to);
  for (let p = 0, s = 0, d = 0; p < n; p++, s += from, d += to) {
    const gray = from <= 2;
    const alpha = from === 2 ? src[s + 1]! : from === 4 && !keyIgnored ? src[s + 3]! : 255;
    if (to <= 2) {
      out[d] = gray ? src[s]! : luma(src[s]!, src[s + 1]!, src[s + 2]!);
      if (to === 2) out[d + 1] = alpha;
    } else {
      if (gray) {
        out[d] = out[d + 1] = out[d + 2] = src[s]!;
      } else {
        out[d] = src[s]!;
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
      }
      if (to === 4) out[d + 3] = alpha;
    }
  }
  return out;
}

/**
 * @internal An {@link Image} of the pixels: in `mode` when given (PIL's `convert(mode)`), else in
 * the mode PIL opens the file in (`LA` has no Image mode here, so it becomes `RGBA`).
 */
export function rawToImage(raw: RawImage, mode?: ImageMode): Image {
  let to: RawChannels;
  if (mode !== undefined) to = MODE_CHANNELS[mode];
  else {
    const natural = naturalChannels(raw);
    to = natural === 2 ? 4 : natural;
  }
  const data = convertChannels(raw, to);
  const imageMode: ImageMode = to === 1 ? 'L' : to === 3 ? 'RGB' : 'RGBA';
  return new Image(raw.width, raw.height, imageMode, data);
}

/** @internal An int32 `[C, H, W]` tensor (0..255) of the pixels in a read mode. */
export function rawToTensor(raw: RawImage, mode: ImageReadMode): Tensor {
  const c = mode === 'unchanged' ? naturalChannels(raw) : READ_MODE_CHANNELS[mode];
  const hwc = convertChannels(raw, c);
  const plane = raw.width * raw.height;
  const chw = new Int32Array(plane * c);
  if (c === 1) {
    for (let i = 0; i < plane; i++) chw[i] = hwc[i]!;
  } else {
    for (let k = 0; k < c; k++) {
      const base = k * plane;
      for (let i = 0, s = k; i < plane; i++, s += c) chw[base + i] = hwc[s]!;
    }
  }
  return tensor(chw, { dtype: 'int32' }).reshape([c, raw.height, raw.width]);
}
