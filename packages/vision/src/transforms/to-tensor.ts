import type { Tensor } from '@dl/core';
import type { Image } from '../image/image';
import { toTensor } from './functional/to-tensor';
import { Transform } from './transform';

/**
 * Converts an {@link Image} (HWC, 0..255) to a float32 `[C, H, W]` tensor in [0, 1]
 * (torchvision's `ToTensor`). Because it scales, do not use it on label masks.
 *
 * @example
 * ```ts
 * const x = new ToTensor()(Image.new('RGB', [4, 2], [255, 0, 51])); // [3, 2, 4]: 1, 0, 0.2
 * ```
 */
export class ToTensor extends Transform<Image, Tensor> {
  /** Converts `pic` with the functional `toTensor`. */
  override forward(pic: Image): Tensor {
    return toTensor(pic);
  }

  override toString(): string {
    return 'ToTensor()';
  }
}
