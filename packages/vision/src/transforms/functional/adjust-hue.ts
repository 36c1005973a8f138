import { ValueError, add, div, mul, remainder, stack, to, unbind, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { checkChannels, checkNumber } from './internal/color-checks';
import { shiftHueBytes } from './internal/color-hsv';
import { hsvToRgbTensor, rgbToHsvTensor } from './internal/color-hsv-tensor';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Shifts the hue of an image (torchvision's `adjust_hue`): converts to HSV, rotates H by
 * `hueFactor` of a full turn, converts back. An {@link Image} matches PIL byte for byte (PIL's
 * 8-bit HSV conversion, H shifted by `uint8(hueFactor * 255)` with wraparound; RGBA comes back with
 * alpha 255, as PIL's HSV to RGBA conversion gives; `L` images are returned unchanged). A tensor
 * `[..., 1 or 3, H, W]` follows torchvision's float HSV path (int32 8-bit tensors go through
 * `x / 255` and back with truncation; 1-channel tensors are returned as they are).
 *
 * @param hueFactor the shift in [-0.5, 0.5]; ±0.5 gives the complementary colors, 0 no change.
 * @example
 * ```ts
 * adjustHue(Image.new('RGB', [1, 1], [255, 0, 0]), 1 / 3).getPixel(0, 0); // [0, 255, 0] (red turned green)
 * adjustHue(dl.rand([2, 3, 16, 16]), -0.1);
 * ```
 */
export function adjustHue<T extends ImageInput>(img: T, hueFactor: number): T {
  const op = 'adjustHue';
  const kind = checkImageInput(img, op);
  checkNumber(hueFactor, 'hueFactor', op);
  if (!(hueFactor >= -0.5 && hueFactor <= 0.5)) throw new ValueError(`${op}: hueFactor must be in [-0.5, 0.5], got ${hueFactor}`);
  if (kind === 'image') {
    const src = img as Image;
    if (src.mode === 'L') return src.clone() as T;
    // numpy's uint8(hue_factor * 255): truncated toward zero, then wrapped (-25 becomes 231).
    const shift = Math.trunc(hueFactor * 255) & 255;
    return new Image(src.width, src.height, src.mode, shiftHueBytes(src.data, src.channels, shift)) as T;
  }
  const t = img as Tensor;
  if (checkChannels(t, [1, 3], op) === 1) return t as T;
  return scoped(t, () => {
    const x = t.dtype === 'int32' ? div(to(t, 'float32'), 255) : t;
    const [h, s, v] = unbind(rgbToHsvTensor(x), -3) as [Tensor, Tensor, Tensor];
    const rgb = hsvToRgbTensor(stack([remainder(add(h, hueFactor), 1.0), s, v], -3));
    return t.dtype === 'int32' ? to(mul(rgb, 255), 'int32') : rgb;
  }) as T;
}
