import type { ImageInput } from './functional/internal/image-input';
import { equalize } from './functional/equalize';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Equalizes the histogram of an image (PIL's `ImageOps.equalize`) with probability `p` (torchvision's `RandomEqualize`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param p the probability of applying it. @default 0.5
 * @example
 * ```ts
 * new RandomEqualize()(img); // equalized half the time
 * String(new RandomEqualize()); // 'RandomEqualize(p=0.5)'
 * ```
 */
export class RandomEqualize extends ImageTransform {
  /** The probability of applying it. */
  readonly p: number;

  constructor(p = 0.5) {
    super();
    this.p = checkProbability(p, 'RandomEqualize');
  }

  /** Applies the functional `equalize` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? equalize(img) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomEqualize(p=0.5)`. */
  override toString(): string {
    return `RandomEqualize(p=${pyValue(this.p)})`;
  }
}
