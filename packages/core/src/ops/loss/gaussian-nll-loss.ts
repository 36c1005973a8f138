import { tf } from '../../backend/tfjs';
import { Tensor } from '../../tensor/tensor';
import { ValueError } from '../../errors/value-error';
import { checkFloat, checkNumber, checkSameShape } from './checks';
import { elementwiseLoss } from './elementwise-loss';
import { checkReduction, type Reduction } from './reduction';
import { assertTensor } from '../arg-checks';

/** Options of `gaussianNllLoss`. */
export interface GaussianNllLossOptions {
  /** Add the constant `0.5 log(2 pi)`. @default false */
  full?: boolean;
  /** Variances are clamped to at least this (without blocking their gradient, as in PyTorch). @default 1e-6 */
  eps?: number;
  /** 'mean' | 'sum' | 'none'. @default 'mean' */
  reduction?: Reduction;
}

/**
 * Negative log likelihood of a Gaussian target with predicted mean `input` and variance `var`,
 * `0.5 (log(var) + (input - target)^2 / var)` (PyTorch's `F.gaussian_nll_loss`). `var` has the
 * input's shape, or lacks its last dimension, or has size 1 there (one variance per sample), or
 * is a number.
 *
 * @param options `full` (default false), `eps` (default 1e-6), `reduction` (default 'mean').
 * @example
 * ```ts
 * dl.gaussianNllLoss(dl.tensor([0, 1]), dl.tensor([1, 1]), dl.tensor([1, 1])).item(); // 0.25
 * ```
 */
export function gaussianNllLoss(input: Tensor, target: Tensor, variance: Tensor | number, options: GaussianNllLossOptions = {}): Tensor {
  assertTensor(input, 'gaussianNllLoss');
  assertTensor(target, 'gaussianNllLoss', 'target');
  const op = 'gaussianNllLoss';
  const reduction = checkReduction(options.reduction ?? 'mean', op);
  const full = options.full ?? false;
  const eps = options.eps ?? 1e-6;
  checkNumber(eps, op, 'eps', (v) => v >= 0, 'non-negative');
  checkFloat(input, op, 'input');
  checkFloat(target, op, 'target');
  checkSameShape(input, target, op);
  const varT = variance instanceof Tensor ? variance : Tensor._owned(tf.scalar(variance, 'float32'));
  checkFloat(varT, op, 'var');
  const shape = input.shape;
  const vs = varT.shape;
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  let varShape: number[];
  if (vs.length === 0 && !(variance instanceof Tensor)) varShape = [];
  else if (same(vs, shape)) varShape = shape;
  else if (shape.length > 0 && same(vs, shape.slice(0, -1))) varShape = [...vs, 1];
  else if (shape.length > 0 && vs.length === shape.length && vs[vs.length - 1] === 1 && same(vs.slice(0, -1), shape.slice(0, -1))) varShape = vs;
  else {
    throw new ValueError(`${op}: var of shape [${vs.join(', ')}] has an incorrect size for input of shape [${shape.join(', ')}]`);
  }
  if (varT.numel() > 0 && tf.tidy(() => tf.any(tf.less(varT._value, 0)).dataSync()[0])) {
    throw new ValueError(`${op}: var has negative entries`);
  }
  const reduceVar = (grad: tf.Tensor) => {
    // Gradients reach var through the unsqueezed view: sum the broadcast axes back.
    const axes: number[] = [];
    const lead = shape.length - varShape.length;
    for (let i = 0; i < shape.length; i++) if (i < lead || varShape[i - lead] === 1) axes.push(i);
    return tf.reshape(axes.length ? tf.sum(grad, axes) : grad, vs);
  };
  const clamped = (v: tf.Tensor) => tf.maximum(tf.reshape(v, varShape), eps);
  return elementwiseLoss({
    name: 'GaussianNllLoss',
    inputs: [input, target, varT],
    reduction,
    loss: ([x, t, v]) => {
      const vc = clamped(v);
      const l = tf.mul(tf.add(tf.log(vc), tf.div(tf.squaredDifference(x, t), vc)), 0.5);
      return full ? tf.add(l, 0.5 * Math.log(2 * Math.PI)) : l;
    },
    grads: ([x, t, v], g, needs) => {
      const vc = clamped(v);
      const d = tf.mul(g, tf.div(tf.sub(x, t), vc));
      let dv = null;
      if (needs[2]) dv = reduceVar(tf.mul(g, tf.mul(tf.sub(tf.div(1, vc), tf.div(tf.squaredDifference(x, t), tf.square(vc))), 0.5)));
      return [needs[0] ? d : null, needs[1] ? tf.neg(d) : null, dv];
    },
  });
}
