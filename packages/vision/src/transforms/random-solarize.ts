import { ValueError } from '@dl/core';
import type { ImageInput } from './functional/internal/image-input';
import { solarize } from './functional/solarize';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability, describeArg } from './internal/transform-args';

/** Options of {@link RandomSolarize}. */
export interface RandomSolarizeOptions {
  /** The probability of applying it. @default 0.5 */
  p?: number;
}

/**
 * Inverts the pixels at or above a threshold with probability `p` (torchvision's `RandomSolarize`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param threshold Pixels at or above it are inverted (0..255 for 8-bit images, 0..1 for float tensors).
 * @example
 * ```ts
 * const t = new RandomSolarize(128, { p: 0.3 });
 * String(t); // 'RandomSolarize(threshold=128,p=0.3)'
 * ```
 */
export class RandomSolarize extends ImageTransform {
  /** Pixels at or above it are inverted (0..255 for 8-bit images, 0..1 for float tensors). */
  readonly threshold: number;
  /** The probability of applying it. */
  readonly p: number;

  constructor(threshold: number, options: RandomSolarizeOptions = {}) {
    super();
    if (typeof threshold !== 'number' || Number.isNaN(threshold)) throw new ValueError(`RandomSolarize: threshold should be a number, got ${describeArg(threshold)}`);
    this.threshold = threshold;
    this.p = checkProbability(options.p ?? 0.5, 'RandomSolarize');
  }

  /** Applies the functional `solarize` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? solarize(img, this.threshold) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.threshold, { p: this.p }];
  }

  /** `RandomSolarize(threshold=128,p=0.5)`, without a space, as torchvision prints it. */
  override toString(): string {
    return `RandomSolarize(threshold=${pyValue(this.threshold)},p=${pyValue(this.p)})`;
  }
}
