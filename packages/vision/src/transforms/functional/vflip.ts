import { flip } from '@dl/core';
import { Image } from '../../image/image';
import { checkImageInput, type ImageInput } from './internal/image-input';

/**
 * Flips an image top to bottom (torchvision's `vflip`): an `Image` as PIL's
 * `FLIP_TOP_BOTTOM`, a tensor `[..., H, W]` along its second-to-last dimension (differentiable).
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of rank < 2.
 * @example
 * ```ts
 * vflip(new Image(1, 2, 'L', Uint8Array.of(1, 2))).data; // Uint8Array [2, 1]
 * vflip(dl.tensor([[1], [2]])).tolist(); // [[2], [1]]
 * ```
 */
export function vflip<T extends ImageInput>(img: T): T {
  if (checkImageInput(img, 'vflip') === 'tensor') return flip(img as Exclude<ImageInput, Image>, [-2]) as T;
  const im = img as Image;
  const rowLen = im.width * im.channels;
  const out = new Uint8Array(im.data.length);
  for (let y = 0; y < im.height; y++) out.set(im.data.subarray(y * rowLen, (y + 1) * rowLen), (im.height - 1 - y) * rowLen);
  return new Image(im.width, im.height, im.mode, out) as T;
}
