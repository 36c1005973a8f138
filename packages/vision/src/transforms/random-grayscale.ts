import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { rgbToGrayscale } from './functional/rgb-to-grayscale';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';

/**
 * Converts an image to grayscale with probability `p`, keeping its number of channels (a 3-channel
 * image stays 3 channels, all equal) (torchvision's `RandomGrayscale`).
 *
 * @param p the probability of converting. @default 0.1
 * @example
 * ```ts
 * new RandomGrayscale(0.2)(img); // an RGB image, gray one time in five
 * ```
 */
export class RandomGrayscale extends ImageTransform {
  /** The probability of converting. */
  readonly p: number;

  constructor(p = 0.1) {
    super();
    this.p = checkProbability(p, 'RandomGrayscale');
  }

  /** Converts `img` to gray (same channel count) when a uniform draw falls below `p`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels] = imageDimensions(img, 'RandomGrayscale');
    return randFloat() < this.p ? rgbToGrayscale(img, channels) : img;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.p];
  }

  /** `RandomGrayscale(p=0.1)`. */
  override toString(): string {
    return `RandomGrayscale(p=${pyValue(this.p)})`;
  }
}
