import { ArgumentTypeError } from '@dl/core';
import { Image } from '../../image/image';
import { checkOutputChannels } from './internal/color-checks';
import { describeInput } from './internal/image-input';

/**
 * Converts an {@link Image} of any mode to grayscale as PIL does (torchvision's `to_grayscale`):
 * `convert('L')`, or with `numOutputChannels = 3` that gray level in R, G and B (mode `RGB`).
 * Images only; for tensors use `rgbToGrayscale`.
 *
 * @param numOutputChannels 1 (mode `L`) or 3 (mode `RGB`). @default 1
 * @example
 * ```ts
 * toGrayscale(Image.new('RGB', [2, 2], [255, 0, 0])).getPixel(0, 0); // 76
 * toGrayscale(img, 3).mode; // 'RGB'
 * ```
 */
export function toGrayscale(img: Image, numOutputChannels = 1): Image {
  if (!(img instanceof Image)) {
    throw new ArgumentTypeError(`toGrayscale: expected an Image, got ${describeInput(img)} (use rgbToGrayscale for tensors)`);
  }
  checkOutputChannels(numOutputChannels, 'toGrayscale');
  const gray = img.convert('L');
  return numOutputChannels === 3 ? gray.convert('RGB') : gray;
}
