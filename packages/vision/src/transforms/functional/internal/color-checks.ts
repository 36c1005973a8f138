import { ArgumentTypeError, DTypeError, ShapeError, ValueError, type Tensor } from '@dl/core';
import { Image } from '../../../image/image';
import { describeInput, isTensor } from './image-input';

/** @internal `[2, 3, 4]` for messages. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * @internal Throws a ShapeError unless the image tensor has one of the `permitted` channel counts
 * (`[..., C, H, W]`; a rank-2 tensor has 1 channel); returns the count.
 */
export function checkChannels(t: Tensor, permitted: readonly number[], op: string): number {
  const s = t.shape;
  const c = s.length === 2 ? 1 : s[s.length - 3]!;
  if (!permitted.includes(c)) {
    throw new ShapeError(`${op}: expected an image tensor with ${permitted.join(' or ')} channels ([..., ${permitted.join(' or ')}, H, W]), got ${c} channels (shape ${fmtShape(s)})`);
  }
  return c;
}

/** @internal Throws a ShapeError unless the tensor is `[..., C, H, W]` (rank >= 3), as torchvision's ops that index channels require. */
export function checkRank3(t: Tensor, op: string): void {
  if (t.shape.length < 3) {
    throw new ShapeError(`${op}: expected an image tensor [..., C, H, W] (rank >= 3), got shape ${fmtShape(t.shape)}`);
  }
}

/** @internal Throws a DTypeError unless the tensor is an int32 8-bit image (torchvision's uint8-only ops). */
export function checkInt8Bit(t: Tensor, op: string): void {
  if (t.dtype !== 'int32') {
    throw new DTypeError(`${op}: expected an int32 8-bit image tensor (torchvision's uint8), got dtype ${t.dtype}`);
  }
}

/** @internal Throws unless `value` is a finite number (ArgumentTypeError for a non-number, ValueError for NaN/Infinity). */
export function checkNumber(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number') throw new ArgumentTypeError(`${op}: expected ${name} to be a number, got ${describeInput(value)}`);
  if (!Number.isFinite(value)) throw new ValueError(`${op}: ${name} must be a finite number, got ${value}`);
  return value;
}

/** @internal Throws a ValueError unless `value` is a finite number >= 0. */
export function checkNonNegative(value: unknown, name: string, op: string): number {
  const v = checkNumber(value, name, op);
  if (v < 0) throw new ValueError(`${op}: ${name} must be non-negative, got ${v}`);
  return v;
}

/** @internal Throws a ValueError unless the Image is L or RGB: PIL's ImageOps lookup-table ops refuse other modes. */
export function checkLutMode(img: Image, op: string): void {
  if (img.mode !== 'L' && img.mode !== 'RGB') {
    throw new ValueError(`${op}: PIL's ImageOps supports mode L or RGB images, got mode ${img.mode} (convert it first, e.g. img.convert('RGB'))`);
  }
}

/** @internal Throws an ArgumentTypeError unless `x` is a Tensor (for tensor-only ops); an Image gets a hint to convert it. */
export function checkTensorOnly(x: unknown, op: string): asserts x is Tensor {
  if (isTensor(x)) return;
  const hint = x instanceof Image ? ' (convert an Image with toTensor() or pilToTensor() first)' : '';
  throw new ArgumentTypeError(`${op}: expected a Tensor, got ${describeInput(x)}${hint}`);
}

/** @internal Throws a ValueError unless `n` is 1 or 3 (a grayscale op's output channels). */
export function checkOutputChannels(n: unknown, op: string): void {
  if (n !== 1 && n !== 3) throw new ValueError(`${op}: numOutputChannels must be 1 or 3, got ${String(n)}`);
}
