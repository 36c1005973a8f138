import { ValueError } from '@dl/core';
import type { ImageInput } from './functional/internal/image-input';
import { posterize } from './functional/posterize';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability, describeArg } from './internal/transform-args';

/** Options of {@link RandomPosterize}. */
export interface RandomPosterizeOptions {
  /** The probability of applying it. @default 0.5 */
  p?: number;
}

/**
 * Reduces the number of bits of each channel of an image with probability `p` (torchvision's `RandomPosterize`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param bits The number of bits kept per channel, 0 to 8.
 * @example
 * ```ts
 * const t = new RandomPosterize(2, { p: 0.3 });
 * String(t); // 'RandomPosterize(bits=2,p=0.3)'
 * ```
 */
export class RandomPosterize extends ImageTransform {
  /** The number of bits kept per channel, 0 to 8. */
  readonly bits: number;
  /** The probability of applying it. */
  readonly p: number;

  constructor(bits: number, options: RandomPosterizeOptions = {}) {
    super();
    if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 0 || bits > 8) throw new ValueError(`RandomPosterize: bits should be an integer between 0 and 8, got ${describeArg(bits)}`);
    this.bits = bits;
    this.p = checkProbability(options.p ?? 0.5, 'RandomPosterize');
  }

  /** Applies the functional `posterize` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? posterize(img, this.bits) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.bits, { p: this.p }];
  }

  /** `RandomPosterize(bits=2,p=0.5)`, without a space, as torchvision prints it. */
  override toString(): string {
    return `RandomPosterize(bits=${pyValue(this.bits)},p=${pyValue(this.p)})`;
  }
}
