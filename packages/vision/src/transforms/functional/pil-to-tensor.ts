import { ArgumentTypeError, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { tensorFrom } from './internal/color-tensor';
import { describeInput } from './internal/image-input';

/**
 * Converts an {@link Image} to an int32 `[C, H, W]` tensor of its 8-bit values, 0..255, without
 * rescaling (torchvision's `pil_to_tensor`; int32 stands in for uint8).
 *
 * @example
 * ```ts
 * const img = new Image(2, 1, 'L', Uint8Array.of(7, 255));
 * pilToTensor(img).tolist(); // [[[7, 255]]] (int32 [1, 1, 2])
 * ```
 */
export function pilToTensor(img: Image): Tensor {
  if (!(img instanceof Image)) throw new ArgumentTypeError(`pilToTensor: expected an Image, got ${describeInput(img)}`);
  const { width: w, height: h, data } = img;
  const c = img.channels;
  const plane = w * h;
  const out = new Int32Array(plane * c);
  for (let p = 0, s = 0; p < plane; p++, s += c) for (let k = 0; k < c; k++) out[k * plane + p] = data[s + k]!;
  return tensorFrom(out, [c, h, w]);
}
