import { ValueError } from '@dl/core';
import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { perspective } from './functional/perspective';
import { ImageTransform } from './image-transform';
import { fillFor } from './internal/fill-for';
import { pyValue } from './internal/py-repr';
import { randFloat, randInt } from './internal/random-draws';
import { checkFill, checkInterpolation, checkProbability, describeArg } from './internal/transform-args';

/** Options of {@link RandomPerspective}. */
export interface RandomPerspectiveOptions {
  /** How far the corners may move, from 0 (not at all) to 1 (up to half the size). @default 0.5 */
  distortionScale?: number;
  /** The probability of transforming. @default 0.5 */
  p?: number;
  /** How pixels are resampled (tensors: NEAREST or BILINEAR). @default InterpolationMode.BILINEAR */
  interpolation?: InterpolationMode;
  /** The value (or one per channel) outside the transformed image. @default 0 */
  fill?: number | readonly number[];
}

/** Four corners `[x, y]`: top-left, top-right, bottom-right, bottom-left. */
export type Corners = [number, number][];

/**
 * A random perspective transformation with probability `p` (torchvision's `RandomPerspective`):
 * each corner moves inwards by a random amount up to `distortionScale` times half the size. One
 * set of draws per call (a batch shares it), from @dl/core's default generator.
 *
 * @example
 * ```ts
 * const t = new RandomPerspective({ distortionScale: 0.6, p: 1 });
 * String(t); // 'RandomPerspective(p=1)'
 * ```
 */
export class RandomPerspective extends ImageTransform {
  /** How far corners may move (0..1). */
  readonly distortionScale: number;
  /** The probability of transforming. */
  readonly p: number;
  /** The resampling filter. */
  readonly interpolation: InterpolationMode;
  /** The fill outside the image. */
  readonly fill: number | readonly number[];

  constructor(options: RandomPerspectiveOptions = {}) {
    super();
    const op = 'RandomPerspective';
    const d = options.distortionScale ?? 0.5;
    if (typeof d !== 'number' || !(d >= 0 && d <= 1)) throw new ValueError(`${op}: distortionScale should be a number between 0 and 1, got ${describeArg(d)}`);
    this.distortionScale = d;
    this.p = checkProbability(options.p ?? 0.5, op);
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.BILINEAR, op);
    this.fill = checkFill(options.fill, op);
  }

  /**
   * Random corner moves for an image of `width` x `height` (torchvision's
   * `RandomPerspective.get_params`): the original corners and where they go, each
   * `[top-left, top-right, bottom-right, bottom-left]`.
   *
   * @example
   * ```ts
   * const [startpoints, endpoints] = RandomPerspective.getParams(32, 32, 0.5);
   * ```
   */
  static getParams(width: number, height: number, distortionScale: number): [Corners, Corners] {
    const halfHeight = Math.floor(height / 2);
    const halfWidth = Math.floor(width / 2);
    const dx = Math.trunc(distortionScale * halfWidth);
    const dy = Math.trunc(distortionScale * halfHeight);
    const topLeft: [number, number] = [randInt(0, dx + 1), randInt(0, dy + 1)];
    const topRight: [number, number] = [randInt(width - dx - 1, width), randInt(0, dy + 1)];
    const botRight: [number, number] = [randInt(width - dx - 1, width), randInt(height - dy - 1, height)];
    const botLeft: [number, number] = [randInt(0, dx + 1), randInt(height - dy - 1, height)];
    const startpoints: Corners = [
      [0, 0],
      [width - 1, 0],
      [width - 1, height - 1],
      [0, height - 1],
    ];
    return [startpoints, [topLeft, topRight, botRight, botLeft]];
  }

  /** Transforms `img` with probability `p` through the functional `perspective`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels, height, width] = imageDimensions(img, 'RandomPerspective');
    const fill = fillFor(img, this.fill, channels);
    if (randFloat() < this.p) {
      const [startpoints, endpoints] = RandomPerspective.getParams(width, height, this.distortionScale);
      return perspective(img, startpoints, endpoints, { interpolation: this.interpolation, fill });
    }
    return img;
  }

  protected override workerArgs(): readonly unknown[] {
    const { distortionScale, p, interpolation, fill } = this;
    return [{ distortionScale, p, interpolation, fill }];
  }

  /** `RandomPerspective(p=0.5)`. */
  override toString(): string {
    return `RandomPerspective(p=${pyValue(this.p)})`;
  }
}
