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
  const n = raw.width * raw.height;
  const src = raw.data;
  const out = new Uint8Array(n * to);
  // One tight loop per pair: a generic per-pixel branch is several times slower.
  switch (from * 10 + to) {
    case 13:
      for (let p = 0, d = 0; p < n; p++, d += 3) out[d] = out[d + 1] = out[d + 2] = src[p]!;
      break;
    case 14:
      for (let p = 0, d = 0; p < n; p++, d += 4) {
        out[d] = out[d + 1] = out[d + 2] = src[p]!;
        out[d + 3] = 255;
      }
      break;
    case 12:
      for (let p = 0, d = 0; p < n; p++, d += 2) {
        out[d] = src[p]!;
        out[d + 1] = 255;
      }
      break;
    case 21:
      for (let p = 0, s = 0; p < n; p++, s += 2) out[p] = src[s]!;
      break;
    case 23:
      for (let p = 0, s = 0, d = 0; p < n; p++, s += 2, d += 3) out[d] = out[d + 1] = out[d + 2] = src[s]!;
      break;
    case 24:
      for (let p = 0, s = 0, d = 0; p < n; p++, s += 2, d += 4) {
        out[d] = out[d + 1] = out[d + 2] = src[s]!;
        out[d + 3] = src[s + 1]!;
      }
      break;
    case 31:
    case 41:
      for (let p = 0, s = 0; p < n; p++, s += from) out[p] = luma(src[s]!, src[s + 1]!, src[s + 2]!);
      break;
    case 32:
    case 42: {
      const keyIgnored = raw.colorKey === true; // RGB + tRNS -> LA: PIL leaves alpha at 255
      for (let p = 0, s = 0, d = 0; p < n; p++, s += from, d += 2) {
        out[d] = luma(src[s]!, src[s + 1]!, src[s + 2]!);
        out[d + 1] = from === 4 && !keyIgnored ? src[s + 3]! : 255;
      }
      break;
    }
    case 34:
      for (let p = 0, s = 0, d = 0; p < n; p++, s += 3, d += 4) {
        out[d] = src[s]!;
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
        out[d + 3] = 255;
      }
      break;
    case 43:
      for (let p = 0, s = 0, d = 0; p < n; p++, s += 4, d += 3) {
        out[d] = src[s]!;
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
      }
      break;
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
  // Pixel by pixel (one stride-c pass per channel is several times slower).
  if (c === 1) for (let i = 0; i < plane; i++) chw[i] = hwc[i]!;
  else if (c === 2) {
    for (let i = 0, s = 0; i < plane; i++, s += 2) {
      chw[i] = hwc[s]!;
      chw[plane + i] = hwc[s + 1]!;
    }
  } else if (c === 3) {
    for (let i = 0, s = 0; i < plane; i++, s += 3) {
      chw[i] = hwc[s]!;
      chw[plane + i] = hwc[s + 1]!;
      chw[2 * plane + i] = hwc[s + 2]!;
    }
  } else {
    for (let i = 0, s = 0; i < plane; i++, s += 4) {
      chw[i] = hwc[s]!;
      chw[plane + i] = hwc[s + 1]!;
      chw[2 * plane + i] = hwc[s + 2]!;
      chw[3 * plane + i] = hwc[s + 3]!;
    }
  }
  return tensor(chw, { dtype: 'int32' }).reshape([c, raw.height, raw.width]);
}
