import { ValueError, type Tensor } from '@dl/core';
import { convertImageDtype, type ImageDType } from './functional/convert-image-dtype';
import { describeArg } from './internal/transform-args';
import { Transform } from './transform';

/**
 * Converts an image tensor to another dtype and scales its values (torchvision's
 * `ConvertImageDtype`): int32 8-bit (0..255) to float32 in [0, 1] and back. Tensors only.
 *
 * @param dtype `'float32'` or `'int32'` (the 8-bit stand-in).
 * @example
 * ```ts
 * const t = new Compose([new PILToTensor(), new ConvertImageDtype('float32')]); // as ToTensor
 * ```
 */
export class ConvertImageDtype extends Transform<Tensor, Tensor> {
  /** The dtype the output has. */
  readonly dtype: ImageDType;

  constructor(dtype: ImageDType) {
    super();
    if (dtype !== 'float32' && dtype !== 'int32') {
      throw new ValueError(`ConvertImageDtype: dtype should be 'float32' or 'int32', got ${describeArg(dtype)}`);
    }
    this.dtype = dtype;
  }

  /** Converts `image` with the functional `convertImageDtype`. */
  override forward(image: Tensor): Tensor {
    return convertImageDtype(image, this.dtype);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.dtype];
  }

  /** `ConvertImageDtype()`, as torchvision's (an nn.Module without extra repr). */
  override toString(): string {
    return 'ConvertImageDtype()';
  }
}
