import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { ImageTransform } from './image-transform';
import { augmentFillRepr, checkAugmentFill, checkInt } from './internal/augment-args';
import { applyOp, augmentFill } from './internal/augment-op';
import { TRIVIAL_AUGMENT_SPACE } from './internal/augment-space';
import { randInt } from './internal/random-draws';
import { checkInterpolation, interpolationEnumName } from './internal/transform-args';

/** Options of {@link TrivialAugmentWide}. */
export interface TrivialAugmentWideOptions {
  /** The number of magnitude bins. @default 31 */
  numMagnitudeBins?: number;
  /** How geometric operations resample (tensors: NEAREST or BILINEAR). @default InterpolationMode.NEAREST */
  interpolation?: InterpolationMode;
  /** The value (or one per channel) outside transformed images. @default none (0) */
  fill?: number | readonly number[] | null;
}

/**
 * TrivialAugment Wide (Müller and Hutter, 2021; torchvision's `TrivialAugmentWide`): one
 * operation picked at random, at a random magnitude and sign. Images of mode `L` or `RGB`, or
 * int32 8-bit tensors `[..., 1 or 3, H, W]`. Draws from @dl/core's default generator; a batch
 * shares them.
 *
 * @example
 * ```ts
 * const t = new Compose([new TrivialAugmentWide(), new ToTensor()]);
 * String(new TrivialAugmentWide()); // 'TrivialAugmentWide(num_magnitude_bins=31, interpolation=InterpolationMode.NEAREST, fill=None)'
 * ```
 */
export class TrivialAugmentWide extends ImageTransform {
  /** The number of magnitude bins. */
  readonly numMagnitudeBins: number;
  /** The resampling filter of geometric operations. */
  readonly interpolation: InterpolationMode;
  /** The fill outside transformed images, or null. */
  readonly fill: number | readonly number[] | null;

  constructor(options: TrivialAugmentWideOptions = {}) {
    super();
    const op = 'TrivialAugmentWide';
    this.numMagnitudeBins = checkInt(options.numMagnitudeBins ?? 31, 'numMagnitudeBins', 2, op);
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.NEAREST, op);
    this.fill = checkAugmentFill(options.fill, op);
  }

  /** Applies one random operation to `img`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels, height, width] = imageDimensions(img, 'TrivialAugmentWide');
    const fill = augmentFill(img, this.fill, channels);
    const { op, magnitudes, signed } = TRIVIAL_AUGMENT_SPACE[randInt(0, TRIVIAL_AUGMENT_SPACE.length)]!;
    let magnitude = 0;
    if (magnitudes !== null) {
      const values = magnitudes(this.numMagnitudeBins, height, width);
      magnitude = values[randInt(0, values.length)]!;
    }
    if (signed && randInt(0, 2) === 1) magnitude *= -1;
    return applyOp(img, op, magnitude, this.interpolation, fill);
  }

  protected override workerArgs(): readonly unknown[] {
    const { numMagnitudeBins, interpolation, fill } = this;
    return [{ numMagnitudeBins, interpolation, fill }];
  }

  /** `TrivialAugmentWide(num_magnitude_bins=31, interpolation=InterpolationMode.NEAREST, fill=None)`. */
  override toString(): string {
    return `TrivialAugmentWide(num_magnitude_bins=${this.numMagnitudeBins}, interpolation=${interpolationEnumName(this.interpolation)}, fill=${augmentFillRepr(this.fill)})`;
  }
}
