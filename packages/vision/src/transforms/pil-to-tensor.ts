import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import { pilToTensor } from './functional/pil-to-tensor';
import { Transform } from './transform';

/**
 * Converts an {@link Image} to an int32 `[C, H, W]` tensor of its 8-bit values, unscaled
 * (torchvision's `PILToTensor`; int32 stands in for uint8).
 *
 * @example
 * ```ts
 * new PILToTensor()(Image.new('L', [2, 1], 7)).tolist(); // [[[7, 7]]]
 * ```
 */
export class PILToTensor extends Transform<Image, Tensor> {
  /** Converts `pic` with the functional `pilToTensor`. */
  override forward(pic: Image): Tensor {
    return pilToTensor(pic);
  }

  override toString(): string {
    return 'PILToTensor()';
  }
}
