import type { ImageInput } from './functional/internal/image-input';
import { autocontrast } from './functional/autocontrast';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Maximizes the contrast of an image (each channel stretched to the full 0..max range) with probability `p` (torchvision's `RandomAutocontrast`). Images of mode `L` or `RGB`, or
 * tensors `[..., 1 or 3, H, W]`; one draw per call (a batch shares it) from @dl/core's default
 * generator.
 *
 * @param p the probability of applying it. @default 0.5
 * @example
 * ```ts
 * new RandomAutocontrast()(img); // autocontrasted half the time
 * String(new RandomAutocontrast()); // 'RandomAutocontrast(p=0.5)'
 * ```
 */
export class RandomAutocontrast extends ImageTransform {
  /** The probability of applying it. */
  readonly p: number;

  constructor(p = 0.5) {
    super();
    this.p = checkProbability(p, 'RandomAutocontrast');
  }

  /** Applies the functional `autocontrast` to `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? autocontrast(img) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomAutocontrast(p=0.5)`. */
  override toString(): string {
    return `RandomAutocontrast(p=${pyValue(this.p)})`;
  }
}
