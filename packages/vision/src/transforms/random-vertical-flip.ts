import type { ImageInput } from './functional/internal/image-input';
import { vflip } from './functional/vflip';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Vertically flips an image with probability `p` (torchvision's `RandomVerticalFlip`). One draw from
 * @dl/core's default generator per call, so a batch `[N, C, H, W]` is flipped as a whole.
 *
 * @param p the probability of flipping. @default 0.5
 * @example
 * ```ts
 * const t = new Compose([new RandomVerticalFlip(), new ToTensor()]);
 * new RandomVerticalFlip(1)(img); // always flipped
 * ```
 */
export class RandomVerticalFlip extends ImageTransform {
  /** The probability of flipping. */
  readonly p: number;

  constructor(p = 0.5) {
    super();
    this.p = checkProbability(p, 'RandomVerticalFlip');
  }

  /** Flips `img` when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    return randFloat() < this.p ? vflip(img) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomVerticalFlip(p=0.5)`. */
  override toString(): string {
    return `RandomVerticalFlip(p=${pyValue(this.p)})`;
  }
}
