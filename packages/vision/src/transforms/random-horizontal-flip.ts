import type { ImageInput } from './functional/internal/image-input';
import { hflip } from './functional/hflip';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Horizontally flips an image with probability `p` (torchvision's `RandomHorizontalFlip`). One draw from
 * @dl/core's default generator per call, so a batch `[N, C, H, W]` is flipped as a whole.
 *
 * @param p the probability of flipping. @default 0.5
 * @example
 * ```ts
 * const t = new Compose([new RandomHorizontalFlip(), new ToTensor()]);
 * new RandomHorizontalFlip(1)(img); // always flipped
 * ```
 */
export class RandomHorizontalFlip extends ImageTransform {
  /** The probability of flipping. */
  readonly p: number;

  constructor(p = 0.5) {
    super();
    this.p = checkProbability(p, 'RandomHorizontalFlip');
  }

  /** Flips `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? hflip(img) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomHorizontalFlip(p=0.5)`. */
  override toString(): string {
    return `RandomHorizontalFlip(p=${pyValue(this.p)})`;
  }
}
