import { imageDimensions, type ImageInput } from './internal/image-input';

/**
 * The `[width, height]` of an image (torchvision's `get_image_size`, PIL's `size` order).
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of rank < 2.
 * @example
 * ```ts
 * getImageSize(Image.new('RGB', [32, 24])); // [32, 24]
 * getImageSize(dl.zeros([3, 24, 32])); // [32, 24]
 * ```
 */
export function getImageSize(img: ImageInput): [number, number] {
  const [, h, w] = imageDimensions(img, 'getImageSize');
  return [w, h];
}
