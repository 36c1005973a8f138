import { ValueError, clamp, div, mul, pow, to, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkChannels, checkNumber } from './internal/color-checks';
import { applyLut } from './internal/color-lut';
import { scoped } from './internal/color-tensor';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Gamma-corrects an image (torchvision's `adjust_gamma`): `255 * gain * (x / 255) ** gamma`. An
 * {@link Image} matches torchvision's PIL path byte for byte: converted to RGB, mapped through the
 * table `int(255.999 * gain * (i / 255) ** gamma)` (clipped to 0..255), converted back (so RGBA
 * comes back with alpha 255, as PIL gives). A tensor `[..., 1 or 3, H, W]` follows torchvision's
 * tensor path: `gain * x ** gamma` in float32 clamped to [0, 1]; int32 8-bit tensors go through
 * `convertImageDtype` both ways.
 *
 * @param gamma >= 0; below 1 brightens the shadows, above 1 darkens them.
 * @param gain a multiplier. @default 1
 * @example
 * ```ts
 * adjustGamma(img, 2.2);
 * adjustGamma(dl.rand([3, 8, 8]), 0.5, 1.2);
 * ```
 */
export function adjustGamma<T extends ImageInput>(img: T, gamma: number, gain = 1): T {
  const op = 'adjustGamma';
  const kind = checkImageInput(img, op);
  checkNumber(gamma, 'gamma', op);
  checkNumber(gain, 'gain', op);
  if (gamma < 0) throw new ValueError(`${op}: gamma must be non-negative, got ${gamma}`);
  if (kind === 'image') {
    const src = img as Image;
    const lut = Array.from({ length: 256 }, (_, i) => Math.trunc((255 + 1 - 1e-3) * gain * (i / 255.0) ** gamma));
    // PIL maps an RGB conversion: for L that is the same as mapping L; RGBA loses its alpha.
    return (src.mode === 'RGBA' ? applyLut(src.convert('RGB'), [lut]).convert('RGBA') : applyLut(src, [lut])) as T;
  }
  const t = img as Tensor;
  checkChannels(t, [1, 3], op);
  return scoped(t, () => {
    const x = t.dtype === 'int32' ? div(to(t, 'float32'), 255) : t;
    const y = clamp(mul(pow(x, gamma), gain), 0, 1);
    return t.dtype === 'int32' ? to(mul(y, 255 + 1 - 1e-3), 'int32') : y;
  }) as T;
}
