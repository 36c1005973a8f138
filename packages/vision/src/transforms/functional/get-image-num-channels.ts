import { imageDimensions, type ImageInput } from './internal/image-input';

/**
 * The number of channels of an image (torchvision's `get_image_num_channels`): 1 for `L`, 3 for
 * `RGB`, 4 for `RGBA`; `C` of a tensor `[..., C, H, W]` (1 for `[H, W]`).
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of rank < 2.
 * @example
 * ```ts
 * getImageNumChannels(Image.new('L', [8, 8])); // 1
 * getImageNumChannels(dl.zeros([2, 3, 8, 8])); // 3
 * ```
 */
export function getImageNumChannels(img: ImageInput): number {
  return imageDimensions(img, 'getImageNumChannels')[0];
}
