import { crop } from './crop';
import { parseCropSize, roundHalfEven } from './internal/geometry-args';
import { checkImageInput, imageDimensions, type ImageInput } from './internal/image-input';
import { pad } from './pad';

/**
 * Cuts the centre `outputSize` (`size` or `[h, w]`) of an image (torchvision's `center_crop`).
 * An image smaller than the crop is first padded with zeros around it; odd margins put the
 * extra pixel where torchvision does (Python's `round`, ties to even).
 *
 * @throws ArgumentTypeError for a non-image; ShapeError for a tensor of rank < 2; ValueError for a
 *   size that is not 1 or 2 non-negative integers.
 * @example
 * ```ts
 * centerCrop(Image.new('RGB', [32, 24]), 16).size; // [16, 16]
 * centerCrop(dl.zeros([3, 24, 32]), [10, 40]).shape; // [3, 10, 40] (zero columns added at both sides)
 * ```
 */
export function centerCrop<T extends ImageInput>(img: T, outputSize: number | readonly number[]): T {
  checkImageInput(img, 'centerCrop');
  const [ch, cw] = parseCropSize(outputSize, 'centerCrop');
  let [, h, w] = imageDimensions(img, 'centerCrop');
  let x: T = img;
  if (cw > w || ch > h) {
    const ltrb = [cw > w ? (cw - w) >> 1 : 0, ch > h ? (ch - h) >> 1 : 0, cw > w ? (cw - w + 1) >> 1 : 0, ch > h ? (ch - h + 1) >> 1 : 0];
    x = pad(img, ltrb, { fill: 0 });
    [, h, w] = imageDimensions(x, 'centerCrop');
    if (cw === w && ch === h) return x;
  }
  return crop(x, roundHalfEven((h - ch) / 2), roundHalfEven((w - cw) / 2), ch, cw);
}
