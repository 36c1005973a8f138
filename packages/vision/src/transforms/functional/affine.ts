import { ArgumentTypeError, ValueError, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkNumber, imageFill, numberList, parseInterpolation } from './internal/geometry-args';
import { affineGrid } from './internal/geometry-grid-sample';
import { inverseAffineMatrix } from './internal/geometry-matrix';
import { transformImage } from './internal/geometry-transform';
import { imageWarpFilter, parsePoint, tensorWarpMode, warpTensor } from './internal/geometry-warp';
import { checkImageInput, describeInput, imageDimensions, type ImageInput } from './internal/image-input';
import { InterpolationMode } from './interpolation-mode';

/**
 * Parameters of {@link affine} (torchvision's `affine` arguments).
 *
 * @example
 * ```ts
 * const params: AffineOptions = { angle: 15, translate: [4, 0], scale: 1.1, shear: [5, 0], fill: 0 };
 * affine(img, params);
 * ```
 */
export interface AffineOptions {
  /** Rotation in degrees, clockwise. */
  angle: number;
  /** Horizontal and vertical translation in pixels, applied after rotation. */
  translate: readonly [number, number];
  /** Overall scale (> 0). */
  scale: number;
  /** Shear in degrees: one value (parallel to the x axis), or `[sx, sy]`. */
  shear: number | readonly number[];
  /** The sampler: `nearest`, `bilinear`, or (Images only) `bicubic`. @default 'nearest' */
  interpolation?: InterpolationMode;
  /** The color of pixels from outside the image: a number or one per channel. @default 0 */
  fill?: number | readonly number[];
  /** The fixed point `[x, y]` of rotation, scale and shear. @default the image centre */
  center?: readonly [number, number];
}

interface Parsed {
  angle: number;
  translate: [number, number];
  scale: number;
  shear: [number, number];
  center: [number, number] | null;
}

function parse(options: AffineOptions): Parsed {
  if (typeof options !== 'object' || options === null) {
    throw new ArgumentTypeError(`affine: expected an options object { angle, translate, scale, shear }, got ${describeInput(options)}`);
  }
  if (typeof options.angle !== 'number') throw new ArgumentTypeError(`affine: angle should be a number of degrees, got ${describeInput(options.angle)}`);
  const angle = checkNumber(options.angle, 'angle', 'affine');
  const translate = numberList(options.translate, 'translate', 'affine');
  if (!Array.isArray(options.translate) || translate.length !== 2) throw new ValueError(`affine: translate should be a list of two numbers [tx, ty], got ${JSON.stringify(options.translate)}`);
  for (const v of translate) checkNumber(v, 'translate', 'affine');
  const scale = checkNumber(options.scale, 'scale', 'affine');
  if (scale <= 0) throw new ValueError(`affine: scale should be positive, got ${scale}`);
  const s = numberList(options.shear, 'shear', 'affine');
  if (s.length !== 1 && s.length !== 2) throw new ValueError(`affine: shear should be a number or a list of 1 or 2 numbers, got [${s.join(', ')}]`);
  for (const v of s) checkNumber(v, 'shear', 'affine');
  const shear: [number, number] = typeof options.shear === 'number' ? [s[0]!, 0] : s.length === 1 ? [s[0]!, s[0]!] : [s[0]!, s[1]!];
  return { angle, translate: [translate[0]!, translate[1]!], scale, shear, center: parsePoint(options.center, 'center', 'affine') };
}

/**
 * Rotates, scales, shears and translates an image about its centre (or `center`), keeping its
 * size (torchvision's `affine`). Images go through PIL's `Image.transform(AFFINE)` exactly,
 * with torchvision's inverse matrix; tensors `[..., C, H, W]` through its `grid_sample` path
 * (nearest or bilinear, computed outside autograd). Pixels from outside the image take `fill`.
 *
 * @param options `angle`, `translate`, `scale`, `shear` (required), `interpolation` (@default 'nearest'), `fill` (@default 0), `center`.
 * @throws ArgumentTypeError for a non-image or non-numeric parameters; ShapeError for a tensor of
 *   rank < 2; ValueError for a translate that is not two numbers, a scale <= 0, a shear of more
 *   than two values, an unsupported interpolation or a fill of the wrong length.
 * @example
 * ```ts
 * affine(Image.new('RGB', [32, 32]), { angle: 10, translate: [2, 0], scale: 1.2, shear: 5 }).size; // [32, 32]
 * affine(dl.rand([3, 16, 16]), { angle: 0, translate: [0, 0], scale: 1, shear: [10, 0], interpolation: 'bilinear' }).shape; // [3, 16, 16]
 * ```
 */
export function affine<T extends ImageInput>(img: T, options: AffineOptions): T {
  const kind = checkImageInput(img, 'affine');
  const p = parse(options);
  const mode = parseInterpolation(options.interpolation, InterpolationMode.NEAREST, 'affine');
  const [, h, w] = imageDimensions(img, 'affine');
  if (kind === 'image') {
    const im = img as Image;
    const filter = imageWarpFilter(mode, 'affine');
    const color = imageFill(options.fill, im.channels, 'affine');
    const matrix = inverseAffineMatrix(p.center ?? [w * 0.5, h * 0.5], p.angle, p.translate, p.scale, p.shear);
    return transformImage(im, w, h, 'affine', matrix, filter, color) as T;
  }
  const gridMode = tensorWarpMode(mode, 'affine');
  const c: [number, number] = p.center === null ? [0, 0] : [p.center[0] - w * 0.5, p.center[1] - h * 0.5];
  const matrix = inverseAffineMatrix(c, p.angle, p.translate, p.scale, p.shear);
  return warpTensor(img as Tensor, affineGrid(matrix, w, h, w, h), w, h, gridMode, options.fill, 'affine') as T;
}
