import { fiveCrop } from './five-crop';
import { hflip } from './hflip';
import { parseCropSize } from './internal/geometry-args';
import { checkImageInput, type ImageInput } from './internal/image-input';
import { vflip } from './vflip';

/**
 * {@link fiveCrop} of the image, then of its mirror image (flipped left-right, or top-bottom when
 * `verticalFlip`): ten crops in torchvision's order (its `ten_crop`).
 *
 * @param verticalFlip flip top to bottom instead of left to right. @default false
 * @throws as {@link fiveCrop}.
 * @example
 * ```ts
 * tenCrop(Image.new('RGB', [32, 24]), [16, 20]).length; // 10
 * ```
 */
export function tenCrop<T extends ImageInput>(img: T, size: number | readonly number[], verticalFlip = false): [T, T, T, T, T, T, T, T, T, T] {
  checkImageInput(img, 'tenCrop');
  parseCropSize(size, 'tenCrop');
  const flipped = verticalFlip ? vflip(img) : hflip(img);
  return [...fiveCrop(img, size), ...fiveCrop(flipped, size)];
}
