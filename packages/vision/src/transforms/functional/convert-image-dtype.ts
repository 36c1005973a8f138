import { DTypeError, ValueError, div, mul, remainder, to, type Tensor } from '@dl/core';
import { checkTensorOnly } from './internal/color-checks';

/**
 * The dtypes an image tensor can have: float32 in [0, 1], or int32 holding 8-bit values 0..255.
 *
 * @example
 * ```ts
 * const dtype: ImageDType = 'int32';
 * convertImageDtype(toTensor(img), dtype); // back to 0..255
 * ```
 */
export type ImageDType = 'float32' | 'int32';

/**
 * Converts an image tensor between float32 in [0, 1] and the int32 8-bit stand-in for uint8,
 * scaling the values (torchvision's `convert_image_dtype`): int32 to float32 divides by 255;
 * float32 to int32 multiplies by 255.999 and truncates, so only 1.0 maps to 255 and each level
 * gets an equal share of [0, 1] (values outside [0, 1] wrap as `.to(torch.uint8)` does). The same
 * dtype returns the input.
 *
 * @param dtype the dtype wanted. @default 'float32'
 * @example
 * ```ts
 * convertImageDtype(dl.tensor([0, 0.5, 1]), 'int32').tolist(); // [0, 127, 255]
 * convertImageDtype(dl.tensor([0, 51, 255], { dtype: 'int32' })).tolist(); // [0, 0.2, 1]
 * ```
 */
export function convertImageDtype(image: Tensor, dtype: ImageDType = 'float32'): Tensor {
  checkTensorOnly(image, 'convertImageDtype');
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new ValueError(`convertImageDtype: dtype must be 'float32' or 'int32' (the 8-bit image stand-in), got ${JSON.stringify(dtype)}`);
  }
  if (image.dtype !== 'float32' && image.dtype !== 'int32') {
    throw new DTypeError(`convertImageDtype: expected a float32 or int32 image tensor, got dtype ${image.dtype}`);
  }
  if (image.dtype === dtype) return image;
  if (dtype === 'float32') return div(to(image, 'float32'), 255);
  return remainder(to(mul(image, 255 + 1 - 1e-3), 'int32'), 256);
}
