// The vector p-norm along one axis and its gradient, shared by normalize, pairwiseDistance
// and the triplet margin loss (PyTorch's `norm` / `norm_backward` rules, ties of the max norms
// sharing the gradient evenly).
import { tf, type TfTensor } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/** @internal Checks a norm order. */
export function checkOrder(p: number, op: string): void {
  if (typeof p !== 'number') throw new ArgumentTypeError(`${op}: p must be a number, got ${describeArg(p)}`);
  if (Number.isNaN(p)) throw new ValueError(`${op}: p must be a number, got NaN`);
}

/** @internal The p-norm of `x` along `axis` (dims kept). Call inside a tidy. */
export function pNorm(x: TfTensor, p: number, axis: number): TfTensor {
  const a = tf.abs(x);
  if (p === 2) return tf.sqrt(tf.sum(tf.square(x), axis, true));
  if (p === 1) return tf.sum(a, axis, true);
  if (p === Infinity) return tf.max(a, axis, true);
  if (p === -Infinity) return tf.min(a, axis, true);
  if (p === 0) return tf.sum(tf.cast(tf.notEqual(x, 0), 'float32'), axis, true);
  return tf.pow(tf.sum(tf.pow(a, p), axis, true), 1 / p);
}

/**
 * @internal The gradient of the p-norm: `g` (the gradient of the norm, dims kept) spread back
 * over `x` given the `norm` (dims kept). Call inside a tidy.
 */
export function pNormGrad(x: TfTensor, norm: TfTensor, g: TfTensor, p: number, axis: number): TfTensor {
  const zero = tf.zerosLike(x);
  if (p === 0) return zero;
  if (p === 1) return tf.mul(tf.sign(x), g);
  if (p === 2) {
    const scale = tf.where(tf.equal(norm, 0), tf.zerosLike(norm), tf.div(g, norm));
    return tf.mul(x, scale);
  }
  if (!Number.isFinite(p)) {
    const hit = tf.cast(tf.equal(tf.abs(x), norm), 'float32');
    const share = tf.div(g, tf.sum(hit, axis, true));
    return tf.mul(tf.mul(tf.sign(x), hit), share);
  }
  const a = tf.abs(x);
  const scale = tf.where(tf.equal(norm, 0), tf.zerosLike(norm), tf.div(g, tf.pow(norm, p - 1)));
  const core = p < 1 ? tf.where(tf.equal(x, 0), zero, tf.mul(tf.sign(x), tf.pow(a, p - 1))) : tf.mul(tf.sign(x), tf.pow(a, p - 1));
  return tf.mul(core, scale);
}
