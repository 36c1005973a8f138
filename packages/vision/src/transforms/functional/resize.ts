import { ArgumentTypeError, ValueError, clamp, interpolate, reshape, round, to, type Tensor } from '@dl/core';
import type { Image } from '../../image/image';
import { checkInteger, numberList, parseInterpolation } from './internal/geometry-args';
import { resampleImage } from './internal/geometry-resample';
import { batchResult, imageBatch } from './internal/geometry-tensor';
import { resizeAntialiased } from './internal/geometry-tensor-resize-aa';
import { transformImage } from './internal/geometry-transform';
import { checkImageInput, describeInput, imageDimensions, type ImageInput } from './internal/image-input';
import { InterpolationMode } from './interpolation-mode';

/**
 * Options of {@link resize}.
 *
 * @example
 * ```ts
 * const options: ResizeOptions = { interpolation: 'bicubic', maxSize: 512 };
 * resize(img, 256, options);
 * ```
 */
export interface ResizeOptions {
  /** The filter. Images take every mode (PIL's filters); tensors `nearest`, `nearest-exact`, `bilinear`, `bicubic`. @default 'bilinear' */
  interpolation?: InterpolationMode;
  /** With a single `size` (the smaller edge): the longest the longer edge may become; the image is scaled down further if it would be longer. */
  maxSize?: number;
  /**
   * Tensors with `bilinear`/`bicubic`: stretch the filter when downscaling, as PIL always does
   * (PyTorch's `antialias=True`). Ignored for Images (always antialiased) and nearest modes. @default true
   */
  antialias?: boolean;
}

/** torchvision's `_compute_resized_output_size`: `[h, w]`. */
function outputSize(h: number, w: number, size: number[], maxSize: number | undefined): [number, number] {
  if (size.length === 2) return [size[0]!, size[1]!];
  const [short, long] = w <= h ? [w, h] : [h, w];
  const requested = size[0]!;
  let newShort = requested;
  let newLong = Math.trunc((requested * long) / short);
  if (maxSize !== undefined) {
    if (maxSize <= requested) {
      throw new ValueError(`resize: maxSize = ${maxSize} must be strictly greater than the requested size for the smaller edge size = ${requested}`);
    }
    if (newLong > maxSize) {
      newShort = Math.trunc((maxSize * newShort) / newLong);
      newLong = maxSize;
    }
  }
  return w <= h ? [newLong, newShort] : [newShort, newLong];
}

function resizeImage(img: Image, oh: number, ow: number, mode: InterpolationMode): Image {
  if (mode === 'nearest' || mode === 'nearest-exact') {
    // PIL resizes with NEAREST through its affine transform (Image.resize -> ImagingScaleAffine).
    return transformImage(img, ow, oh, 'affine', [img.width / ow, 0, 0, 0, img.height / oh, 0], 'nearest', new Array<number>(img.channels).fill(0));
  }
  return resampleImage(img, ow, oh, mode);
}

function resizeTensor(t: Tensor, oh: number, ow: number, mode: InterpolationMode, antialias: boolean): Tensor {
  if (mode !== 'nearest' && mode !== 'nearest-exact' && mode !== 'bilinear' && mode !== 'bicubic') {
    throw new ValueError(`resize: interpolation '${mode}' is not supported for tensors (use 'nearest', 'nearest-exact', 'bilinear' or 'bicubic'; PIL's filters need an Image)`);
  }
  if (antialias && (mode === 'bilinear' || mode === 'bicubic')) {
    const batch = imageBatch(t);
    return batchResult(resizeAntialiased(batch, oh, ow, mode), batch, oh, ow, mode === 'bicubic');
  }
  const s = t.shape;
  const [c, h, w] = imageDimensions(t, 'resize');
  const n = s.slice(0, -3).reduce((a, b) => a * b, 1);
  let x = reshape(t.dtype === 'float32' ? t : to(t, 'float32'), [n, c, h, w]);
  x = interpolate(x, { size: [oh, ow], mode, ...(mode === 'bilinear' || mode === 'bicubic' ? { alignCorners: false } : {}) });
  if (t.dtype === 'int32') x = to(round(mode === 'bicubic' ? clamp(x, 0, 255) : x), 'int32');
  return reshape(x, [...s.slice(0, -2), oh, ow]);
}

/**
 * Resizes an image to `size` (torchvision's `resize`): `[h, w]`, or one number (or `[n]`) for
 * the smaller edge, the other scaled to keep the aspect ratio (truncated), capped by `maxSize`.
 * Images are resampled exactly as PIL's `Image.resize` (a port of Pillow's separable filters,
 * antialiased, 8-bit fixed point); tensors `[..., C, H, W]` as torchvision's tensor path
 * (`F.interpolate`, antialiased for bilinear/bicubic unless `antialias: false`; int32 8-bit
 * tensors are rounded back; only the `F.interpolate` path, `antialias: false` or nearest, is
 * differentiable). The same size returns the input itself.
 *
 * @param options `interpolation` (@default 'bilinear'), `maxSize`, `antialias` (@default true).
 * @throws ArgumentTypeError for a non-image; ShapeError for a tensor of rank < 2; ValueError for a
 *   size that is not 1 or 2 positive integers, a `maxSize` with two sizes or not above the size,
 *   or a PIL-only filter on a tensor.
 * @example
 * ```ts
 * resize(Image.new('RGB', [320, 240]), 224).size; // [298, 224]
 * resize(dl.rand([2, 3, 64, 48]), [32, 32], { interpolation: 'bicubic' }).shape; // [2, 3, 32, 32]
 * ```
 */
export function resize<T extends ImageInput>(img: T, size: number | readonly number[], options: ResizeOptions = {}): T {
  const kind = checkImageInput(img, 'resize');
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`resize: options should be an object such as { interpolation: 'bicubic' }, got ${describeInput(options)}`);
  const mode = parseInterpolation(options.interpolation, InterpolationMode.BILINEAR, 'resize');
  const list = numberList(size, 'size', 'resize');
  if (list.length !== 1 && list.length !== 2) {
    throw new ValueError(`resize: size must be a number or a list of 1 or 2 numbers, not a list of ${list.length}: [${list.join(', ')}]`);
  }
  for (const v of list) {
    if (!Number.isInteger(v) || v <= 0) throw new ValueError(`resize: size must hold positive integers, got ${Array.isArray(size) ? `[${list.join(', ')}]` : size}`);
  }
  if (options.maxSize !== undefined) {
    checkInteger(options.maxSize, 'maxSize', 'resize');
    if (list.length !== 1) {
      throw new ValueError(`resize: maxSize should only be passed if size specifies the length of the smaller edge (a number or a list of one), got size [${list.join(', ')}]`);
    }
  }
  const [, h, w] = imageDimensions(img, 'resize');
  const [oh, ow] = outputSize(h, w, list, options.maxSize);
  if (oh < 1 || ow < 1) throw new ValueError(`resize: the ${h}x${w} image resized to size ${JSON.stringify(size)} would be ${oh}x${ow}; both sides must be at least 1`);
  if (oh === h && ow === w) return img;
  if (kind === 'image') return resizeImage(img as Image, oh, ow, mode) as T;
  return resizeTensor(img as Tensor, oh, ow, mode, options.antialias ?? true) as T;
}
