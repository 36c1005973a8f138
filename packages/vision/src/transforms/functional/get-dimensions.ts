import { imageDimensions, type ImageInput } from './internal/image-input';

/**
 * The `[channels, height, width]` of an image (torchvision's `get_dimensions`): an `Image`'s mode
 * gives the channels; a tensor `[..., C, H, W]` gives its last three sizes (`[H, W]` has one channel).
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of rank < 2.
 * @example
 * ```ts
 * getDimensions(Image.new('RGB', [32, 24])); // [3, 24, 32]
 * getDimensions(dl.zeros([8, 1, 28, 28])); // [1, 28, 28]
 * ```
 */
export function getDimensions(img: ImageInput): [number, number, number] {
  return imageDimensions(img, 'getDimensions');
}
