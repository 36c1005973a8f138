import type { ImageInput } from './functional/internal/image-input';
import { invert } from './functional/invert';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Inverts the colors of an image with probability `p` (torchvision's `RandomInvert`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param p the probability of applying it. @default 0.5
 * @example
 * ```ts
 * new RandomInvert()(img); // inverted half the time
 * String(new RandomInvert()); // 'RandomInvert(p=0.5)'
 * ```
 */
export class RandomInvert extends ImageTransform {
  /** The probability of applying it. */
  readonly p: number;

  constructor(p = 0.5) {
    super();
    this.p = checkProbability(p, 'RandomInvert');
  }

  /** Applies the functional `invert` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? invert(img) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomInvert(p=0.5)`. */
  override toString(): string {
    return `RandomInvert(p=${pyValue(this.p)})`;
  }
}
