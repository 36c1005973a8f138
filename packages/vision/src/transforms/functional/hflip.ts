import { flip } from '@dl/core';
import { Image } from '../../image/image';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Flips an image left to right (torchvision's `hflip`): an `Image` as PIL's
 * `FLIP_LEFT_RIGHT`, a tensor `[..., H, W]` along its last dimension (differentiable).
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of rank < 2.
 * @example
 * ```ts
 * hflip(new Image(2, 1, 'L', Uint8Array.of(1, 2))).data; // Uint8Array [2, 1]
 * hflip(dl.tensor([[1, 2, 3]])).tolist(); // [[3, 2, 1]]
 * ```
 */
export function hflip<T extends ImageInput>(img: T): T {
  if (checkImageInput(img, 'hflip') === 'tensor') return flip(img as Exclude<ImageInput, Image>, [-1]) as T;
  const im = img as Image;
  const c = im.channels;
  const src = im.data;
  const out = new Uint8Array(src.length);
  const rowLen = im.width * c;
  for (let row = 0; row < src.length; row += rowLen) {
    for (let s = row, d = row + rowLen - c; s < row + rowLen; s += c, d -= c) {
      out[d] = src[s]!;
      if (c > 1) {
        out[d + 1] = src[s + 1]!;
        out[d + 2] = src[s + 2]!;
        if (c > 3) out[d + 3] = src[s + 3]!;
      }
    }
  }
  return new Image(im.width, im.height, im.mode, out) as T;
}
