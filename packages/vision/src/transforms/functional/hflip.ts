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
  const out = new Uint8Array(im.data.length);
  const rowLen = im.width * c;
  for (let y = 0; y < im.height; y++) {
    const row = y * rowLen;
    for (let x = 0; x < im.width; x++) {
      const s = row + x * c;
      const d = row + (im.width - 1 - x) * c;
      for (let k = 0; k < c; k++) out[d + k] = im.data[s + k]!;
    }
  }
  return new Image(im.width, im.height, im.mode, out) as T;
}
