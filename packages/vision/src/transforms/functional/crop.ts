import { ValueError, narrow, pad, zeros, type Tensor } from '@dl/core';
import { Image } from '../../image/image';
import { checkInteger } from './internal/geometry-args';
import { checkImageInput, imageDimensions, type ImageInput } from './internal/image-input';

function cropImage(img: Image, top: number, left: number, height: number, width: number): Image {
  const c = img.channels;
  const out = new Uint8Array(width * height * c);
  const x0 = Math.max(left, 0);
  const x1 = Math.min(left + width, img.width);
  if (x1 > x0) {
    for (let y = Math.max(top, 0); y < Math.min(top + height, img.height); y++) {
      const src = (y * img.width + x0) * c;
      out.set(img.data.subarray(src, src + (x1 - x0) * c), ((y - top) * width + (x0 - left)) * c);
    }
  }
  return new Image(width, height, img.mode, out);
}

function cropTensor(t: Tensor, top: number, left: number, height: number, width: number, h: number, w: number): Tensor {
  const y0 = Math.max(top, 0);
  const y1 = Math.min(top + height, h);
  const x0 = Math.max(left, 0);
  const x1 = Math.min(left + width, w);
  if (y1 <= y0 || x1 <= x0) return zeros([...t.shape.slice(0, -2), height, width], { dtype: t.dtype });
  const inside = narrow(narrow(t, -2, y0, y1 - y0), -1, x0, x1 - x0);
  if (y0 === top && x0 === left && y1 - y0 === height && x1 - x0 === width) return inside;
  return pad(inside, [x0 - left, left + width - x1, y0 - top, top + height - y1]);
}

/**
 * Cuts the `height x width` region whose top-left corner is at row `top`, column `left`
 * (torchvision's `crop`). Parts of the region outside the image are zeros, as PIL's `crop` and
 * torchvision's tensor padding make them. Tensors `[..., H, W]` stay differentiable.
 *
 * @throws ArgumentTypeError when `img` is neither an Image nor a Tensor; ShapeError for a tensor of
 *   rank < 2; ValueError for non-integer arguments or a negative height or width.
 * @example
 * ```ts
 * crop(Image.new('RGB', [32, 24]), 4, 8, 10, 12).size; // [12, 10]
 * crop(dl.ones([3, 4, 4]), -1, 0, 2, 2).tolist(); // [[[0, 0], [1, 1]], ...]: the row above is zero
 * ```
 */
export function crop<T extends ImageInput>(img: T, top: number, left: number, height: number, width: number): T {
  const kind = checkImageInput(img, 'crop');
  for (const [name, v] of [['top', top], ['left', left], ['height', height], ['width', width]] as const) checkInteger(v, name, 'crop');
  if (height < 0 || width < 0) throw new ValueError(`crop: height and width must be non-negative, got height=${height}, width=${width}`);
  if (kind === 'image') return cropImage(img as Image, top, left, height, width) as T;
  const [, h, w] = imageDimensions(img, 'crop');
  return cropTensor(img as Tensor, top, left, height, width, h, w) as T;
}
