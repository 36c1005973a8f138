import { ArgumentTypeError, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { tensorFrom } from './internal/color-tensor';
import { describeInput, isTensor } from './internal/image-input';

// x / 255 in float32 for every byte: torchvision's `img.to(float32).div(255)`.
const SCALE = Float32Array.from({ length: 256 }, (_, i) => i / 255);

/**
 * Converts an {@link Image} to a float32 `[C, H, W]` tensor in [0, 1] (torchvision's `to_tensor`):
 * each byte divided by 255, channels first. One pass over the pixels, one tensor.
 *
 * @param img an `L` (1 channel), `RGB` (3) or `RGBA` (4) image.
 * @example
 * ```ts
 * const img = new Image(2, 1, 'RGB', Uint8Array.of(255, 0, 0, 0, 0, 255));
 * const t = toTensor(img); // float32 [3, 1, 2]
 * t.tolist(); // [[[1, 0]], [[0, 0]], [[0, 1]]]
 * ```
 */
export function toTensor(img: Image): Tensor {
  if (!(img instanceof Image)) {
    throw new ArgumentTypeError(`toTensor: expected an Image, got ${describeInput(img)}${isTensor(img) ? ' (use convertImageDtype to rescale a tensor)' : ''}`);
  }
  const { width: w, height: h, data } = img;
  const c = img.channels;
  const plane = w * h;
  const out = new Float32Array(plane * c);
  if (c === 1) {
    for (let p = 0; p < plane; p++) out[p] = SCALE[data[p]!]!;
  } else if (c === 3) {
    for (let p = 0, s = 0; p < plane; p++, s += 3) {
      out[p] = SCALE[data[s]!]!;
      out[plane + p] = SCALE[data[s + 1]!]!;
      out[2 * plane + p] = SCALE[data[s + 2]!]!;
    }
  } else {
    for (let p = 0, s = 0; p < plane; p++, s += c) for (let k = 0; k < c; k++) out[k * plane + p] = SCALE[data[s + k]!]!;
  }
  return tensorFrom(out, [c, h, w]);
}
