import { ValueError } from '@dl/core';
import { centerCrop } from './center-crop';
import { crop } from './crop';
import { parseCropSize } from './internal/geometry-args';
import { checkImageInput, imageDimensions, type ImageInput } from './internal/image-input';

/**
 * The four corner crops and the centre crop of `size` (`size` or `[h, w]`), in torchvision's
 * order `[topLeft, topRight, bottomLeft, bottomRight, center]` (its `five_crop`).
 *
 * @throws ArgumentTypeError for a non-image; ShapeError for a tensor of rank < 2; ValueError for a
 *   size that is not 1 or 2 non-negative integers or is bigger than the image.
 * @example
 * ```ts
 * const [tl, tr, bl, br, center] = fiveCrop(Image.new('RGB', [32, 24]), 16);
 * center.size; // [16, 16]
 * ```
 */
export function fiveCrop<T extends ImageInput>(img: T, size: number | readonly number[]): [T, T, T, T, T] {
  checkImageInput(img, 'fiveCrop');
  const [ch, cw] = parseCropSize(size, 'fiveCrop');
  const [, h, w] = imageDimensions(img, 'fiveCrop');
  if (cw > w || ch > h) throw new ValueError(`fiveCrop: requested crop size [${ch}, ${cw}] is bigger than input size [${h}, ${w}]`);
  return [crop(img, 0, 0, ch, cw), crop(img, 0, w - cw, ch, cw), crop(img, h - ch, 0, ch, cw), crop(img, h - ch, w - cw, ch, cw), centerCrop(img, [ch, cw])];
}
