import { ValueError } from '@dl/core';
import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { ImageTransform } from './image-transform';
import { augmentFillRepr, checkAugmentFill, checkInt } from './internal/augment-args';
import { applyOp, augmentFill } from './internal/augment-op';
import { RAND_AUGMENT_SPACE } from './internal/augment-space';
import { randInt } from './internal/random-draws';
import { checkInterpolation, interpolationEnumName } from './internal/transform-args';

/** Options of {@link RandAugment}. */
export interface RandAugmentOptions {
  /** How many operations to apply, one after another. @default 2 */
  numOps?: number;
  /** The magnitude bin every operation uses, below `numMagnitudeBins`. @default 9 */
  magnitude?: number;
  /** The number of magnitude bins. @default 31 */
  numMagnitudeBins?: number;
  /** How geometric operations resample (tensors: NEAREST or BILINEAR). @default InterpolationMode.NEAREST */
  interpolation?: InterpolationMode;
  /** The value (or one per channel) outside transformed images. @default none (0) */
  fill?: number | readonly number[] | null;
}

/**
 * RandAugment (Cubuk et al., 2020; torchvision's `RandAugment`): `numOps` operations picked at
 * random, all at the same magnitude, each with a random sign. Images of mode `L` or `RGB`, or int32
 * 8-bit tensors `[..., 1 or 3, H, W]`. Draws from @dl/core's default generator; a batch shares them.
 *
 * @example
 * ```ts
 * const t = new RandAugment({ numOps: 2, magnitude: 9 });
 * String(t); // 'RandAugment(num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=InterpolationMode.NEAREST, fill=None)'
 * ```
 */
export class RandAugment extends ImageTransform {
  /** How many operations are applied. */
  readonly numOps: number;
  /** The magnitude bin. */
  readonly magnitude: number;
  /** The number of magnitude bins. */
  readonly numMagnitudeBins: number;
  /** The resampling filter of geometric operations. */
  readonly interpolation: InterpolationMode;
  /** The fill outside transformed images, or null. */
  readonly fill: number | readonly number[] | null;

  constructor(options: RandAugmentOptions = {}) {
    super();
    const op = 'RandAugment';
    this.numOps = checkInt(options.numOps ?? 2, 'numOps', 0, op);
    this.numMagnitudeBins = checkInt(options.numMagnitudeBins ?? 31, 'numMagnitudeBins', 2, op);
    this.magnitude = checkInt(options.magnitude ?? 9, 'magnitude', 0, op);
    if (this.magnitude >= this.numMagnitudeBins) {
      throw new ValueError(`${op}: magnitude should be below numMagnitudeBins (${this.numMagnitudeBins}), got ${this.magnitude}`);
    }
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.NEAREST, op);
    this.fill = checkAugmentFill(options.fill, op);
  }

  /** Applies `numOps` random operations to `img`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels, height, width] = imageDimensions(img, 'RandAugment');
    const fill = augmentFill(img, this.fill, channels);
    let x = img;
    for (let k = 0; k < this.numOps; k++) {
      const { op, magnitudes, signed } = RAND_AUGMENT_SPACE[randInt(0, RAND_AUGMENT_SPACE.length)]!;
      let magnitude = magnitudes === null ? 0 : magnitudes(this.numMagnitudeBins, height, width)[this.magnitude]!;
      if (signed && randInt(0, 2) === 1) magnitude *= -1;
      x = applyOp(x, op, magnitude, this.interpolation, fill);
    }
    return x;
  }

  protected override workerArgs(): readonly unknown[] {
    const { numOps, magnitude, numMagnitudeBins, interpolation, fill } = this;
    return [{ numOps, magnitude, numMagnitudeBins, interpolation, fill }];
  }

  /** `RandAugment(num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=InterpolationMode.NEAREST, fill=None)`. */
  override toString(): string {
    return (
      `RandAugment(num_ops=${this.numOps}, magnitude=${this.magnitude}, num_magnitude_bins=${this.numMagnitudeBins}, ` +
      `interpolation=${interpolationEnumName(this.interpolation)}, fill=${augmentFillRepr(this.fill)})`
    );
  }
}
