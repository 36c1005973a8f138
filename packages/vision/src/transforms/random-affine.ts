import { ValueError } from '@dl/core';
import { affine } from './functional/affine';
import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { ImageTransform } from './image-transform';
import { fillFor } from './internal/fill-for';
import { pyFloats, pyValue } from './internal/py-repr';
import { pyRound } from './internal/py-round';
import { uniform } from './internal/random-draws';
import { checkFill, checkInterpolation, checkSequence, setupAngle } from './internal/transform-args';

/** Options of {@link RandomAffine}. */
export interface RandomAffineOptions {
  /**
   * The largest horizontal and vertical shift as fractions of the width and height, `[a, b]` in
   * [0, 1]: `dx` is drawn from `(-width * a, width * a)`. @default no translation
   */
  translate?: readonly [number, number];
  /** The scale range `[min, max]` (positive). @default no scaling */
  scale?: readonly [number, number];
  /**
   * Shear in degrees: a number `s` (x shear from `[-s, s]`), `[min, max]` (x shear), or
   * `[xmin, xmax, ymin, ymax]`. @default no shear
   */
  shear?: number | readonly number[];
  /** How pixels are resampled (tensors: NEAREST or BILINEAR). @default InterpolationMode.NEAREST */
  interpolation?: InterpolationMode;
  /** The value (or one per channel) outside the transformed image. @default 0 */
  fill?: number | readonly number[];
  /** The center `[x, y]` of the transform, from the top-left corner. @default the image's center */
  center?: readonly [number, number];
}

/** What {@link RandomAffine.getParams} draws: angle, `[tx, ty]` in pixels, scale, `[shearX, shearY]` in degrees. */
export type AffineParams = [angle: number, translate: [number, number], scale: number, shear: [number, number]];

/**
 * A random affine transformation that keeps the center in place (torchvision's `RandomAffine`):
 * rotation, translation, scale and shear, each drawn from its range. One set of draws per call
 * (a batch shares it), from @dl/core's default generator.
 *
 * @param degrees a number `d` (the angle is drawn from `[-d, d]`; 0 turns rotation off) or `[min, max]`.
 * @example
 * ```ts
 * const t = new RandomAffine(15, { translate: [0.1, 0.1], scale: [0.9, 1.1] });
 * String(t); // 'RandomAffine(degrees=[-15.0, 15.0], translate=[0.1, 0.1], scale=[0.9, 1.1])'
 * ```
 */
export class RandomAffine extends ImageTransform {
  /** `[min, max]` of the angle. */
  readonly degrees: readonly [number, number];
  /** The largest shifts as fractions, if any. */
  readonly translate: readonly [number, number] | undefined;
  /** The scale range, if any. */
  readonly scale: readonly [number, number] | undefined;
  /** The shear ranges (2 or 4 values), if any. */
  readonly shear: readonly number[] | undefined;
  /** The resampling filter. */
  readonly interpolation: InterpolationMode;
  /** The fill outside the image. */
  readonly fill: number | readonly number[];
  /** The center of the transform, if not the image's. */
  readonly center: readonly [number, number] | undefined;
  readonly #degrees: number | readonly number[];

  constructor(degrees: number | readonly [number, number], options: RandomAffineOptions = {}) {
    super();
    const op = 'RandomAffine';
    const d = setupAngle(degrees, 'degrees', [2], op);
    this.degrees = [d[0]!, d[1]!];
    this.#degrees = typeof degrees === 'number' ? degrees : [...degrees];
    if (options.translate !== undefined) {
      const t = checkSequence(options.translate, 'translate', [2], op);
      if (t.some((v) => !(v >= 0 && v <= 1))) throw new ValueError(`${op}: translation values should be between 0 and 1, got ${pyValue(t)}`);
      this.translate = [t[0]!, t[1]!];
    }
    if (options.scale !== undefined) {
      const s = checkSequence(options.scale, 'scale', [2], op);
      if (s.some((v) => !(v > 0))) throw new ValueError(`${op}: scale values should be positive, got ${pyValue(s)}`);
      this.scale = [s[0]!, s[1]!];
    }
    if (options.shear !== undefined) this.shear = setupAngle(options.shear, 'shear', [2, 4], op);
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.NEAREST, op);
    this.fill = checkFill(options.fill, op);
    if (options.center !== undefined) this.center = checkSequence(options.center, 'center', [2], op) as [number, number];
  }

  /**
   * Draws the affine parameters (torchvision's `RandomAffine.get_params`): the angle from
   * `degrees`, integer shifts up to `translate * imgSize`, a scale from `scaleRanges` and shears
   * from `shears`. `imgSize` is `[width, height]`.
   *
   * @example
   * ```ts
   * const [angle, [tx, ty], scale, [sx, sy]] = RandomAffine.getParams([-10, 10], [0.1, 0.1], null, null, [32, 32]);
   * ```
   */
  static getParams(
    degrees: readonly number[],
    translate: readonly number[] | null | undefined,
    scaleRanges: readonly number[] | null | undefined,
    shears: readonly number[] | null | undefined,
    imgSize: readonly [number, number],
  ): AffineParams {
    const angle = uniform(degrees[0]!, degrees[1]!);
    let translations: [number, number] = [0, 0];
    if (translate) {
      const maxDx = translate[0]! * imgSize[0];
      const maxDy = translate[1]! * imgSize[1];
      const tx = pyRound(uniform(-maxDx, maxDx));
      const ty = pyRound(uniform(-maxDy, maxDy));
      translations = [tx, ty];
    }
    const scale = scaleRanges ? uniform(scaleRanges[0]!, scaleRanges[1]!) : 1.0;
    let shearX = 0;
    let shearY = 0;
    if (shears) {
      shearX = uniform(shears[0]!, shears[1]!);
      if (shears.length === 4) shearY = uniform(shears[2]!, shears[3]!);
    }
    return [angle, translations, scale, [shearX, shearY]];
  }

  /** Transforms `img` with random parameters and the functional `affine`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels, height, width] = imageDimensions(img, 'RandomAffine');
    const fill = fillFor(img, this.fill, channels);
    const [angle, translate, scale, shear] = RandomAffine.getParams(this.degrees, this.translate, this.scale, this.shear, [width, height]);
    const center = this.center ? ([this.center[0], this.center[1]] as [number, number]) : undefined;
    return affine(img, { angle, translate, scale, shear, interpolation: this.interpolation, fill, center });
  }

  protected override workerArgs(): readonly unknown[] {
    const { translate, scale, shear, interpolation, fill, center } = this;
    return [this.#degrees, { translate, scale, shear, interpolation, fill, center }];
  }

  /** `RandomAffine(degrees=[-15.0, 15.0], translate=[0.1, 0.1])`: the options that are set. */
  override toString(): string {
    let s = `RandomAffine(degrees=${pyFloats(this.degrees, 'list')}`;
    if (this.translate !== undefined) s += `, translate=${pyValue(this.translate)}`;
    if (this.scale !== undefined) s += `, scale=${pyValue(this.scale)}`;
    if (this.shear !== undefined) s += `, shear=${pyFloats(this.shear, 'list')}`;
    if (this.interpolation !== InterpolationMode.NEAREST) s += `, interpolation=${this.interpolation}`;
    if (this.fill !== 0) s += `, fill=${pyValue(this.fill)}`;
    if (this.center !== undefined) s += `, center=${pyValue(this.center)}`;
    return `${s})`;
  }
}
