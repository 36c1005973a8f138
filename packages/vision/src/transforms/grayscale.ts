import { ValueError } from '@dl/core';
import type { ImageInput } from './functional/internal/image-input';
import { rgbToGrayscale } from './functional/rgb-to-grayscale';
import { ImageTransform } from './image-transform';
import { describeArg } from './internal/transform-args';

/**
 * Converts an image to grayscale (torchvision's `Grayscale`), with ITU-R 601-2 luma as PIL
 * computes it: 1 channel, or 3 equal ones.
 *
 * @param numOutputChannels 1 or 3. @default 1
 * @example
 * ```ts
 * new Grayscale()(img).mode; // 'L'
 * new Grayscale(3)(img).mode; // 'RGB', with r == g == b
 * ```
 */
export class Grayscale extends ImageTransform {
  /** 1 or 3. */
  readonly numOutputChannels: 1 | 3;

  constructor(numOutputChannels: 1 | 3 = 1) {
    super();
    if (numOutputChannels !== 1 && numOutputChannels !== 3) {
      throw new ValueError(`Grayscale: num_output_channels should be either 1 or 3, got ${describeArg(numOutputChannels)}`);
    }
    this.numOutputChannels = numOutputChannels;
  }

  /** Converts `img` with the functional `rgbToGrayscale`. */
  override forward<T extends ImageInput>(img: T): T {
    return rgbToGrayscale(img, this.numOutputChannels);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.numOutputChannels];
  }

  /** `Grayscale(num_output_channels=1)`. */
  override toString(): string {
    return `Grayscale(num_output_channels=${this.numOutputChannels})`;
  }
}
