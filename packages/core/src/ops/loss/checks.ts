// Argument checks shared by the losses; messages name the loss and the shapes or dtypes.
import { tf } from '../../backend/tfjs';
import { isGradEnabled } from '../../autograd/grad-mode';
import { AutogradError } from '../../errors/autograd-error';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { broadcastShapes } from '../operands';

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

/** @internal Throws a DTypeError unless `t` is float32. */
export function checkFloat(t: Tensor, op: string, what: string): void {
  if (t.dtype !== 'float32') throw new DTypeError(`${op}: expected ${what} of dtype float32, got ${t.dtype}`);
}

/** @internal Throws a DTypeError for bool tensors (numbers of either kind are fine). */
export function checkNumeric(t: Tensor, op: string, what: string): void {
  if (t.dtype === 'bool') throw new DTypeError(`${op}: expected ${what} of dtype float32 or int32, got bool`);
}

/** @internal Throws a ShapeError unless `other` has exactly the input's shape. */
export function checkSameShape(input: Tensor, other: Tensor, op: string, what = 'target'): void {
  const a = input.shape;
  const b = other.shape;
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw new ShapeError(`${op}: ${what} of shape ${fmt(b)} does not match input of shape ${fmt(a)} (they must be the same shape)`);
  }
}

/** @internal Throws a ShapeError unless `other` broadcasts to exactly `shape`. */
export function checkBroadcastsTo(other: Tensor, shape: number[], op: string, what: string): void {
  let out: number[];
  try {
    out = broadcastShapes(other.shape, shape, op);
  } catch {
    out = [];
  }
  if (out.length !== shape.length || out.some((d, i) => d !== shape[i])) {
    throw new ShapeError(`${op}: ${what} of shape ${fmt(other.shape)} cannot be broadcast to the input's shape ${fmt(shape)}`);
  }
}

/** @internal PyTorch does not differentiate some arguments (class weights...): refuse them requiring grad. */
export function checkNoGrad(t: Tensor | null | undefined, op: string, what: string): void {
  if (t?.requiresGrad && isGradEnabled()) {
    throw new AutogradError(`${op}: the loss is not differentiable with respect to ${what}; it must not require grad (detach it)`);
  }
}

/** @internal Throws a ValueError unless every element lies in [lo, hi] (one scalar read). */
export function checkRange(t: Tensor, lo: number, hi: number, op: string, what: string): void {
  if (t.numel() === 0) return;
  const bad = tf.tidy(() => tf.any(tf.logicalOr(tf.less(t._value, lo), tf.greater(t._value, hi))).dataSync()[0]);
  if (bad) throw new ValueError(`${op}: all elements of ${what} should be between ${lo} and ${hi}`);
}

/** @internal Throws a ValueError unless `value` is a finite number (or allowed to be infinite). */
export function checkNumber(value: number, op: string, what: string, test: (v: number) => boolean, expected: string): void {
  if (typeof value !== 'number' || Number.isNaN(value) || !test(value)) {
    throw new ValueError(`${op}: ${what} must be ${expected}, got ${String(value)}`);
  }
}
