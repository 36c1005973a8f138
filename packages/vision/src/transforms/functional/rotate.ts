import { ArgumentTypeError, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkNumber, imageFill, parseInterpolation, pyMod } from './internal/geometry-args';
import { affineGrid } from './internal/geometry-grid-sample';
import { inverseAffineMatrix, pilRotateMatrix, tensorExpandedSize } from './internal/geometry-matrix';
import { transformImage } from './internal/geometry-transform';
import { rotateQuarterTurns } from './internal/geometry-transpose';
import { imageWarpFilter, parsePoint, tensorWarpMode, warpTensor } from './internal/geometry-warp';
import { checkImageInput, describeInput, imageDimensions, type ImageInput } from './internal/image-input';
import { InterpolationMode } from './interpolation-mode';

/**
 * Options of {@link rotate}.
 *
 * @example
 * ```ts
 * rotate(img, 30, { interpolation: 'bilinear', expand: true, fill: 255 } satisfies RotateOptions);
 * ```
 */
export interface RotateOptions {
  /** The sampler: `nearest`, `bilinear`, or (Images only) `bicubic`. @default 'nearest' */
  interpolation?: InterpolationMode;
  /** Grow the output to hold the whole rotated image (rotation about the centre assumed). @default false */
  expand?: boolean;
  /** The centre of rotation `[x, y]` in pixels from the top-left corner. @default the image centre */
  center?: readonly [number, number];
  /** The color of pixels from outside the image: a number or one per channel. @default 0 */
  fill?: number | readonly number[];
}

function rotateImage(img: Image, angle: number, mode: InterpolationMode, expand: boolean, center: [number, number] | null, fill: unknown): Image {
  const filter = imageWarpFilter(mode, 'rotate');
  const color = imageFill(fill, img.channels, 'rotate');
  const a = pyMod(angle, 360);
  if (center === null) {
    if (a === 0) return img.clone();
    if (a === 180) return rotateQuarterTurns(img, 2);
    if ((a === 90 || a === 270) && (expand || img.width === img.height)) return rotateQuarterTurns(img, a === 90 ? 1 : 3);
  }
  const { matrix, width, height } = pilRotateMatrix(img.width, img.height, a, expand, center);
  return transformImage(img, width, height, 'affine', matrix, filter, color);
}

function rotateTensor(t: Tensor, angle: number, mode: InterpolationMode, expand: boolean, center: [number, number] | null, fill: unknown): Tensor {
  const gridMode = tensorWarpMode(mode, 'rotate');
  const [, h, w] = imageDimensions(t, 'rotate');
  const c: [number, number] = center === null ? [0, 0] : [center[0] - w * 0.5, center[1] - h * 0.5];
  const matrix = inverseAffineMatrix(c, -angle, [0, 0], 1, [0, 0]);
  const [ow, oh] = expand ? tensorExpandedSize(matrix, w, h) : [w, h];
  return warpTensor(t, affineGrid(matrix, w, h, ow, oh), ow, oh, gridMode, fill, 'rotate');
}

/**
 * Rotates an image by `angle` degrees counter-clockwise (torchvision's `rotate`). Images go
 * through PIL's `Image.rotate` exactly (its 90/180/270-degree transposes, its rotation matrix
 * rounded to 15 decimals, its nearest/bilinear/bicubic samplers); tensors `[..., C, H, W]` through
 * torchvision's `grid_sample` path (nearest or bilinear, float32, int32 rounded back; computed
 * outside autograd).
 * Pixels from outside the image take `fill`.
 *
 * @param options `interpolation` (@default 'nearest'), `expand` (@default false), `center`, `fill` (@default 0).
 * @throws ArgumentTypeError for a non-image or a non-numeric angle; ShapeError for a tensor of
 *   rank < 2; ValueError for an unsupported interpolation or a fill of the wrong length.
 * @example
 * ```ts
 * rotate(Image.new('RGB', [40, 30], [255, 0, 0]), 90, { expand: true }).size; // [30, 40]
 * rotate(dl.rand([3, 32, 32]), 15, { interpolation: 'bilinear', fill: 0.5 }).shape; // [3, 32, 32]
 * ```
 */
export function rotate<T extends ImageInput>(img: T, angle: number, options: RotateOptions = {}): T {
  const kind = checkImageInput(img, 'rotate');
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`rotate: options should be an object such as { expand: true }, got ${describeInput(options)}`);
  if (typeof angle !== 'number') throw new ArgumentTypeError(`rotate: angle should be a number of degrees, got ${describeInput(angle)}`);
  checkNumber(angle, 'angle', 'rotate');
  const mode = parseInterpolation(options.interpolation, InterpolationMode.NEAREST, 'rotate');
  const center = parsePoint(options.center, 'center', 'rotate');
  const expand = options.expand ?? false;
  if (kind === 'image') return rotateImage(img as Image, angle, mode, expand, center, options.fill) as T;
  return rotateTensor(img as Tensor, angle, mode, expand, center, options.fill) as T;
}
