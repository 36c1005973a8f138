import { ArgumentTypeError, DTypeError, ShapeError, Tensor } from '@dl/core';
import { Image } from '../../../image/image';

/** What a functional transform accepts: a decoded {@link Image} or an image tensor `[..., C, H, W]`. */
export type ImageInput = Image | Tensor;

/** @internal Whether `x` is a @dl/core Tensor. */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** @internal A short description of a bad argument for messages. */
export function describeInput(x: unknown): string {
  if (x === null) return 'null';
  if (x instanceof Tensor) return `a ${x.dtype} tensor of shape [${x.shape.join(', ')}]`;
  if (x instanceof Image) return String(x);
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x).slice(8, -1)})`;
  return `${typeof x} ${String(x)}`;
}

/**
 * @internal Throws unless `x` is an Image or an image tensor of rank >= 2 with a float32 or int32
 * (8-bit stand-in) dtype; returns which it is.
 */
export function checkImageInput(x: unknown, op: string): 'image' | 'tensor' {
  if (x instanceof Image) return 'image';
  if (x instanceof Tensor) {
    if (x.shape.length < 2) throw new ShapeError(`${op}: expected an image tensor [..., H, W] (rank >= 2), got shape [${x.shape.join(', ')}]`);
    if (x.dtype !== 'float32' && x.dtype !== 'int32') {
      throw new DTypeError(`${op}: expected a float32 image tensor in [0, 1] or an int32 8-bit image tensor, got dtype ${x.dtype}`);
    }
    return 'tensor';
  }
  throw new ArgumentTypeError(`${op}: expected an Image or an image Tensor, got ${describeInput(x)}`);
}

/** @internal `[channels, height, width]` of an Image or image tensor (rank-2 tensors have 1 channel), like torchvision's `get_dimensions`. */
export function imageDimensions(x: ImageInput, op: string): [number, number, number] {
  if (checkImageInput(x, op) === 'image') {
    const img = x as Image;
    return [img.channels, img.height, img.width];
  }
  const s = (x as Tensor).shape;
  const n = s.length;
  return [n === 2 ? 1 : s[n - 3]!, s[n - 2]!, s[n - 1]!];
}

/** @internal The largest value of an image tensor's dtype: 1 for float32, 255 for the int32 8-bit stand-in. */
export function maxValue(t: Tensor): number {
  return t.dtype === 'float32' ? 1 : 255;
}
