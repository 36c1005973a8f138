import { ArgumentTypeError, ValueError, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { imageFill, parseInterpolation } from './internal/geometry-args';
import { perspectiveGrid } from './internal/geometry-grid-sample';
import { perspectiveCoefficients } from './internal/geometry-matrix';
import { transformImage } from './internal/geometry-transform';
import { imageWarpFilter, tensorWarpMode, warpTensor } from './internal/geometry-warp';
import { checkImageInput, describeInput, imageDimensions, type ImageInput } from './internal/image-input';
import { InterpolationMode } from './interpolation-mode';

/**
 * A point `[x, y]` in pixels.
 *
 * @example
 * ```ts
 * const topLeft: Point = [0, 0];
 * ```
 */
export type Point = readonly [number, number];

/**
 * Options of {@link perspective}.
 *
 * @example
 * ```ts
 * perspective(img, start, end, { interpolation: 'nearest', fill: [0, 0, 0] } satisfies PerspectiveOptions);
 * ```
 */
export interface PerspectiveOptions {
  /** The sampler: `nearest`, `bilinear`, or (Images only) `bicubic`. @default 'bilinear' */
  interpolation?: InterpolationMode;
  /** The color of pixels from outside the image: a number or one per channel. @default 0 */
  fill?: number | readonly number[];
}

function checkPoints(points: unknown, name: string): void {
  const ok = Array.isArray(points) && points.length === 4 && points.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v)));
  if (!ok) {
    throw new (Array.isArray(points) ? ValueError : ArgumentTypeError)(
      `perspective: ${name} should be four [x, y] points (top-left, top-right, bottom-right, bottom-left), got ${Array.isArray(points) ? JSON.stringify(points) : describeInput(points)}`,
    );
  }
}

/**
 * Warps an image so that the four `startpoints` (top-left, top-right, bottom-right, bottom-left
 * corners of a quadrilateral) land on `endpoints` (torchvision's `perspective`). The
 * coefficients are solved as torchvision does (rounded to float32); Images are then sampled by
 * PIL's `Image.transform(PERSPECTIVE)`, tensors `[..., C, H, W]` by torchvision's `grid_sample`
 * path (nearest or bilinear, computed outside autograd). Pixels from outside the image take `fill`.
 *
 * @param options `interpolation` (@default 'bilinear'), `fill` (@default 0).
 * @throws ArgumentTypeError for a non-image; ShapeError for a tensor of rank < 2; ValueError for
 *   points that are not four `[x, y]` pairs or do not define a perspective, an unsupported
 *   interpolation, or a fill of the wrong length.
 * @example
 * ```ts
 * const corners: [number, number][] = [[0, 0], [31, 0], [31, 31], [0, 31]];
 * perspective(Image.new('RGB', [32, 32]), corners, [[3, 2], [29, 0], [31, 31], [0, 27]]).size; // [32, 32]
 * ```
 */
export function perspective<T extends ImageInput>(img: T, startpoints: readonly Point[], endpoints: readonly Point[], options: PerspectiveOptions = {}): T {
  const kind = checkImageInput(img, 'perspective');
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`perspective: options should be an object such as { fill: 0 }, got ${describeInput(options)}`);
  checkPoints(startpoints, 'startpoints');
  checkPoints(endpoints, 'endpoints');
  const mode = parseInterpolation(options.interpolation, InterpolationMode.BILINEAR, 'perspective');
  const coeffs = perspectiveCoefficients(startpoints, endpoints, 'perspective');
  const [, h, w] = imageDimensions(img, 'perspective');
  if (kind === 'image') {
    const im = img as Image;
    const filter = imageWarpFilter(mode, 'perspective');
    return transformImage(im, w, h, 'perspective', coeffs, filter, imageFill(options.fill, im.channels, 'perspective')) as T;
  }
  return warpTensor(img as Tensor, perspectiveGrid(coeffs, w, h), w, h, tensorWarpMode(mode, 'perspective'), options.fill, 'perspective') as T;
}
