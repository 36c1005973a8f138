import { ValueError } from '@dl/core';
import type { ImageInput } from './functional/internal/image-input';
import { adjustSharpness } from './functional/adjust-sharpness';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability, describeArg } from './internal/transform-args';

/** Options of {@link RandomAdjustSharpness}. */
export interface RandomAdjustSharpnessOptions {
  /** The probability of applying it. @default 0.5 */
  p?: number;
}

/**
 * Adjusts the sharpness of an image with probability `p` (torchvision's `RandomAdjustSharpness`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param sharpnessFactor How much to sharpen: 0 blurs, 1 keeps the image, 2 doubles the sharpness; non-negative.
 * @example
 * ```ts
 * const t = new RandomAdjustSharpness(2, { p: 0.3 });
 * String(t); // 'RandomAdjustSharpness(sharpness_factor=2,p=0.3)'
 * ```
 */
export class RandomAdjustSharpness extends ImageTransform {
  /** How much to sharpen: 0 blurs, 1 keeps the image, 2 doubles the sharpness; non-negative. */
  readonly sharpnessFactor: number;
  /** The probability of applying it. */
  readonly p: number;

  constructor(sharpnessFactor: number, options: RandomAdjustSharpnessOptions = {}) {
    super();
    if (typeof sharpnessFactor !== 'number' || !(sharpnessFactor >= 0)) throw new ValueError(`RandomAdjustSharpness: sharpnessFactor should be a non-negative number, got ${describeArg(sharpnessFactor)}`);
    this.sharpnessFactor = sharpnessFactor;
    this.p = checkProbability(options.p ?? 0.5, 'RandomAdjustSharpness');
  }

  /** Applies the functional `adjustSharpness` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? adjustSharpness(img, this.sharpnessFactor) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.sharpnessFactor, { p: this.p }];
  }

  /** `RandomAdjustSharpness(sharpness_factor=2,p=0.5)`, without a space, as torchvision prints it. */
  override toString(): string {
    return `RandomAdjustSharpness(sharpness_factor=${pyValue(this.sharpnessFactor)},p=${pyValue(this.p)})`;
  }
}
