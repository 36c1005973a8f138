import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { rotate } from './functional/rotate';
import { ImageTransform } from './image-transform';
import { fillFor } from './internal/fill-for';
import { pyFloats, pyValue } from './internal/py-repr';
import { uniform } from './internal/random-draws';
import { checkFill, checkInterpolation, checkSequence, setupAngle } from './internal/transform-args';

/** Options of {@link RandomRotation}. */
export interface RandomRotationOptions {
  /** How pixels are resampled (tensors: NEAREST or BILINEAR). @default InterpolationMode.NEAREST */
  interpolation?: InterpolationMode;
  /** Grow the output to hold the whole rotated image (assumes rotation about the center). @default false */
  expand?: boolean;
  /** The center of rotation `[x, y]`, from the top-left corner. @default the image's center */
  center?: readonly [number, number];
  /** The value (or one per channel) outside the rotated image. @default 0 */
  fill?: number | readonly number[];
}

/**
 * Rotates an image by a random angle, counter-clockwise in degrees (torchvision's
 * `RandomRotation`). One angle per call (a batch shares it), from @dl/core's default generator.
 *
 * @param degrees a number `d` (the angle is drawn from `[-d, d]`) or `[min, max]`.
 * @example
 * ```ts
 * const t = new RandomRotation(30, { interpolation: InterpolationMode.BILINEAR });
 * String(new RandomRotation(30)); // 'RandomRotation(degrees=[-30.0, 30.0], interpolation=nearest, expand=False, fill=0)'
 * ```
 */
export class RandomRotation extends ImageTransform {
  /** `[min, max]` of the angle. */
  readonly degrees: readonly [number, number];
  /** The resampling filter. */
  readonly interpolation: InterpolationMode;
  /** Whether the output grows to hold the rotated image. */
  readonly expand: boolean;
  /** The center of rotation, if not the image's. */
  readonly center: readonly [number, number] | undefined;
  /** The fill outside the rotated image. */
  readonly fill: number | readonly number[];
  readonly #input: number | readonly number[];

  constructor(degrees: number | readonly [number, number], options: RandomRotationOptions = {}) {
    super();
    const d = setupAngle(degrees, 'degrees', [2], 'RandomRotation');
    this.degrees = [d[0]!, d[1]!];
    this.#input = typeof degrees === 'number' ? degrees : [...degrees];
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.NEAREST, 'RandomRotation');
    this.expand = options.expand ?? false;
    this.center = options.center === undefined ? undefined : (checkSequence(options.center, 'center', [2], 'RandomRotation') as [number, number]);
    this.fill = checkFill(options.fill, 'RandomRotation');
  }

  /**
   * A random angle in `[degrees[0], degrees[1]]` (torchvision's `RandomRotation.get_params`).
   *
   * @example
   * ```ts
   * const angle = RandomRotation.getParams([-30, 30]);
   * ```
   */
  static getParams(degrees: readonly number[]): number {
    return uniform(degrees[0]!, degrees[1]!);
  }

  /** Rotates `img` by a random angle with the functional `rotate`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels] = imageDimensions(img, 'RandomRotation');
    const fill = fillFor(img, this.fill, channels);
    const angle = RandomRotation.getParams(this.degrees);
    return rotate(img, angle, { interpolation: this.interpolation, expand: this.expand, center: this.center ? [this.center[0], this.center[1]] : undefined, fill });
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input, { interpolation: this.interpolation, expand: this.expand, center: this.center, fill: this.fill }];
  }

  /** `RandomRotation(degrees=[-30.0, 30.0], interpolation=nearest, expand=False, fill=0)`. */
  override toString(): string {
    let s = `RandomRotation(degrees=${pyFloats(this.degrees, 'list')}, interpolation=${this.interpolation}, expand=${pyValue(this.expand)}`;
    if (this.center !== undefined) s += `, center=${pyValue(this.center)}`;
    return `${s}, fill=${pyValue(this.fill)})`;
  }
}
