import { DTypeError, ValueError, type Tensor } from '@dl/core';
import { Image, type ImageMode } from '../../image/image';
import { checkTensorOnly, fmtShape } from './internal/color-checks';

const MODE_FOR_CHANNELS: Record<number, ImageMode | undefined> = { 1: 'L', 3: 'RGB', 4: 'RGBA' };

/**
 * Converts a `[C, H, W]` (or `[H, W]`) image tensor to an {@link Image} (torchvision's
 * `to_pil_image`). A float32 tensor is multiplied by 255 and cast as `.byte()` does (truncated,
 * wrapping outside 0..255, so clamp first if values may leave [0, 1]); an int32 8-bit tensor is
 * taken as it is. The mode follows the channel count: 1 `L`, 3 `RGB`, 4 `RGBA`.
 *
 * @param mode the expected mode; a ValueError if it does not fit the channel count.
 * @example
 * ```ts
 * const img = toPilImage(dl.rand([3, 4, 5])); // <Image mode=RGB size=5x4>
 * toPilImage(dl.tensor([[0, 0.5]])).getPixel(1, 0); // 127 (0.5 * 255 = 127.5, truncated)
 * ```
 */
export function toPilImage(pic: Tensor, mode?: ImageMode): Image {
  checkTensorOnly(pic, 'toPilImage');
  const s = pic.shape;
  if (s.length !== 2 && s.length !== 3) {
    throw new ValueError(`toPilImage: expected a [C, H, W] or [H, W] tensor (2 or 3 dimensions), got ${s.length} dimensions (shape ${fmtShape(s)})`);
  }
  const c = s.length === 2 ? 1 : s[0]!;
  const [h, w] = [s[s.length - 2]!, s[s.length - 1]!];
  if (c > 4) throw new ValueError(`toPilImage: expected at most 4 channels, got ${c} channels (shape ${fmtShape(s)})`);
  const expected = MODE_FOR_CHANNELS[c];
  if (expected === undefined) {
    throw new ValueError(`toPilImage: a ${c}-channel image (PIL mode LA) is not supported: Image holds modes L, RGB and RGBA (shape ${fmtShape(s)})`);
  }
  if (mode !== undefined && mode !== expected) {
    throw new ValueError(`toPilImage: mode ${JSON.stringify(mode)} does not fit a ${c}-channel tensor (expected mode ${expected})`);
  }
  if (pic.dtype !== 'float32' && pic.dtype !== 'int32') {
    throw new DTypeError(`toPilImage: expected a float32 tensor in [0, 1] or an int32 8-bit tensor, got dtype ${pic.dtype}`);
  }
  const src = pic.dataSync();
  const plane = h * w;
  const out = new Uint8Array(plane * c);
  if (pic.dtype === 'float32') {
    // Uint8Array stores trunc(v) mod 256, the cast `.byte()` makes; `v` is float32(x * 255).
    for (let k = 0; k < c; k++) for (let p = 0; p < plane; p++) out[p * c + k] = Math.fround(src[k * plane + p]! * 255);
  } else {
    for (let k = 0; k < c; k++) {
      for (let p = 0; p < plane; p++) {
        const v = src[k * plane + p]!;
        if (v < 0 || v > 255) {
          throw new ValueError(`toPilImage: an int32 image tensor holds 8-bit values 0..255, got ${v} (clamp it or use a float32 tensor)`);
        }
        out[p * c + k] = v;
      }
    }
  }
  return new Image(w, h, expected, out);
}
