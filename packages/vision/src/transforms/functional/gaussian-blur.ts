import { ArgumentTypeError, ValueError, conv2d, pad, reshape, round, to, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { blurBytes, gaussianKernel1d, gaussianKernel2d } from './internal/color-gaussian';
import { scoped, tensorFrom } from './internal/color-tensor';
import { checkImageInput, imageDimensions, type ImageInput } from './internal/image-input';

const OP = 'gaussianBlur';

function pair(value: number | readonly number[], name: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number')) {
    throw new ArgumentTypeError(`${OP}: expected ${name} to be a number or [x, y] numbers, got ${JSON.stringify(value)}`);
  }
  if (value.length === 1) return [value[0]!, value[0]!];
  if (value.length !== 2) throw new ValueError(`${OP}: ${name} must have 1 or 2 values, got ${value.length} (${JSON.stringify(value)})`);
  return [value[0]!, value[1]!];
}

/**
 * Blurs an image with a Gaussian kernel (torchvision's `gaussian_blur`): the 2-D kernel
 * `ky[:, None] * kx[None, :]` in float32, reflect padding, one convolution per channel. A tensor
 * `[..., C, H, W]` (or `[H, W]`) keeps its dtype (int32 8-bit tensors are rounded half to even);
 * an {@link Image} gets what torchvision gives for a PIL image (its uint8 tensor blurred and rounded),
 * computed on the bytes.
 *
 * @param kernelSize odd positive size, or `[kx, ky]` (width, height).
 * @param sigma the standard deviation, or `[sx, sy]`, each > 0. @default 0.3 * ((k - 1) * 0.5 - 1) + 0.8 per axis
 * @example
 * ```ts
 * gaussianBlur(img, 5); // sigma 1.1
 * gaussianBlur(dl.rand([3, 32, 32]), [3, 5], [0.8, 1.5]);
 * ```
 */
export function gaussianBlur<T extends ImageInput>(img: T, kernelSize: number | readonly number[], sigma?: number | readonly number[]): T {
  const kind = checkImageInput(img, OP);
  const [kx, ky] = pair(kernelSize, 'kernelSize');
  for (const k of [kx, ky]) {
    if (!Number.isInteger(k) || k <= 0 || k % 2 === 0) {
      throw new ValueError(`${OP}: kernelSize must be odd positive integers, got ${JSON.stringify(kernelSize)}`);
    }
  }
  const [sx, sy] = sigma === undefined ? [kx * 0.15 + 0.35, ky * 0.15 + 0.35] : pair(sigma, 'sigma');
  for (const s of [sx, sy]) {
    if (!(s > 0) || !Number.isFinite(s)) throw new ValueError(`${OP}: sigma must be positive, got ${JSON.stringify(sigma)}`);
  }
  const [, h, w] = imageDimensions(img, OP);
  const [px, py] = [(kx - 1) / 2, (ky - 1) / 2];
  if (px >= w || py >= h) {
    throw new ValueError(`${OP}: a ${kx}x${ky} kernel reflect-pads by (${px}, ${py}), which must be less than the image width and height, got a ${w}x${h} image`);
  }
  const kernel = gaussianKernel2d(gaussianKernel1d(kx, sx), gaussianKernel1d(ky, sy));
  if (kind === 'image') {
    const src = img as Image;
    return new Image(w, h, src.mode, blurBytes(src.data, w, h, src.channels, kernel, kx, ky)) as T;
  }
  return blurTensor(img as Tensor, kernel, kx, ky) as T;
}

function blurTensor(t: Tensor, kernel2d: Float32Array, kx: number, ky: number): Tensor {
  const s = t.shape;
  const [h, w] = [s[s.length - 2]!, s[s.length - 1]!];
  const [px, py] = [(kx - 1) / 2, (ky - 1) / 2];
  return scoped(t, () => {
    const kernel = tensorFrom(kernel2d, [1, 1, ky, kx]);
    const planes = reshape(to(t, 'float32'), [t.numel() / (h * w), 1, h, w]);
    let out = conv2d(pad(planes, [px, px, py, py], { mode: 'reflect' }), kernel);
    if (t.dtype === 'int32') out = to(round(out), 'int32');
    return reshape(out, s);
  });
}
