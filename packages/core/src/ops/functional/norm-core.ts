// The fused normalisation shared by batchNorm, instanceNorm, layerNorm and groupNorm:
// statistics over some axes of a view of the input, then a per-element affine transform.
import { tf, type TfTensor } from '../../backend/tfjs';
import { noGrad } from '../../autograd/grad-mode';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';

/** @internal */
export interface NormCoreArgs {
  /** Forward name (`BatchNorm`); the backward node is `<name>Backward`. */
  name: string;
  input: Tensor;
  weight: Tensor | null;
  bias: Tensor | null;
  /** The shape weight and bias take to broadcast against the input. */
  affineShape: number[];
  eps: number;
  /** The shape the input is viewed as while computing statistics (default: its own). */
  viewShape?: number[];
  /** Axes of the view that the statistics reduce over. */
  axes: number[];
  /** Fixed statistics (running mean and variance), reshaped to `shape` to broadcast against the view; else batch statistics. */
  fixed?: { mean: TfTensor; variance: TfTensor; shape: number[] };
  /** Receives the batch mean and biased variance (dims kept) before they are freed. */
  onStats?: (mean: TfTensor, variance: TfTensor) => void;
}

/** @internal Checks that a tensor is float32, naming the op and the argument. */
export function checkFloat(t: Tensor, op: string, what: string): void {
  if (t.dtype !== 'float32') throw new DTypeError(`${op}: expected ${what} of dtype float32, got ${t.dtype}`);
}

/** @internal Checks that an affine parameter or running statistic has `expected` elements. */
export function checkParam(t: Tensor | null | undefined, expected: number[], op: string, what: string): void {
  if (t === null || t === undefined) return;
  checkFloat(t, op, what);
  const s = t.shape;
  if (s.length !== expected.length || s.some((d, i) => d !== expected[i])) {
    throw new ShapeError(`${op}: expected ${what} of shape [${expected.join(', ')}], got [${s.join(', ')}]`);
  }
}

/** @internal Runs the fused normalisation; see {@link NormCoreArgs}. */
export function normCore(args: NormCoreArgs): Tensor {
  const { input, weight, bias, affineShape, eps, axes, fixed, onStats } = args;
  const inShape = input.shape;
  const view = args.viewShape ?? null;
  const inputs: Tensor[] = [input];
  const wAt = weight ? inputs.push(weight) - 1 : -1;
  const bAt = bias ? inputs.push(bias) - 1 : -1;
  const affineAxes: number[] = [];
  for (let i = 0; i < inShape.length; i++) if (affineShape[i] === 1) affineAxes.push(i);
  const toView = (t: TfTensor) => (view ? tf.reshape(t, view) : t);
  const fromView = (t: TfTensor) => (view ? tf.reshape(t, inShape) : t);
  const sumAffine = (t: TfTensor) => (affineAxes.length ? tf.sum(t, affineAxes) : t);
  return runOp({
    name: args.name,
    inputs,
    save: { inputs: wAt >= 0 ? [wAt] : [] },
    forward: () => {
      const parts = tf.tidy(() => {
        const xv = toView(input._value);
        let mean: TfTensor;
        let variance: TfTensor;
        if (fixed) {
          mean = tf.reshape(fixed.mean, fixed.shape);
          variance = tf.reshape(fixed.variance, fixed.shape);
        } else {
          const m = tf.moments(xv, axes, true);
          mean = m.mean;
          variance = m.variance;
        }
        const invstd = tf.rsqrt(tf.add(variance, eps));
        const xhat = fromView(tf.mul(tf.sub(xv, mean), invstd));
        let y = weight ? tf.mul(xhat, tf.reshape(weight._value, affineShape)) : tf.clone(xhat);
        if (bias) y = tf.add(y, tf.reshape(bias._value, affineShape));
        return fixed ? [y, xhat, invstd] : [y, xhat, invstd, mean, variance];
      });
      if (!fixed) {
        const [, , , mean, variance] = parts;
        try {
          onStats?.(mean, variance);
        } finally {
          mean.dispose();
          variance.dispose();
        }
      }
      return [parts[0], parts[1], parts[2]];
    },
    backward: (dy, saved, needs) => {
      const wv = wAt >= 0 ? saved[0] : null;
      const xhat = saved[saved.length - 2];
      const invstd = saved[saved.length - 1];
      const grads: (TfTensor | null)[] = inputs.map(() => null);
      if (needs[0]) {
        const dxhat = toView(wv ? tf.mul(dy, tf.reshape(wv, affineShape)) : dy);
        if (fixed) grads[0] = fromView(tf.mul(dxhat, invstd));
        else {
          const xv = toView(xhat);
          const m1 = tf.mean(dxhat, axes, true);
          const m2 = tf.mean(tf.mul(dxhat, xv), axes, true);
          grads[0] = fromView(tf.mul(invstd, tf.sub(tf.sub(dxhat, m1), tf.mul(xv, m2))));
        }
      }
      if (wAt >= 0 && needs[wAt]) grads[wAt] = tf.reshape(sumAffine(tf.mul(dy, xhat)), weight!.shape);
      if (bAt >= 0 && needs[bAt]) grads[bAt] = tf.reshape(sumAffine(dy), bias!.shape);
      return grads;
    },
  });
}

/** @internal Axes of (N, C, *) other than the channel axis, and the shape [1, C, 1, ...]. */
export function channelLayout(shape: number[]): { axes: number[]; affineShape: number[] } {
  const axes: number[] = [];
  const affineShape: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (i !== 1) axes.push(i);
    affineShape.push(i === 1 ? shape[1] : 1);
  }
  return { axes, affineShape };
}

/** @internal `running <- (1 - momentum) * running + momentum * scale * batch`, in place and unrecorded. */
export function updateRunning(running: Tensor, batch: TfTensor, momentum: number, scale = 1): void {
  noGrad(() => {
    const next = tf.tidy(() => tf.add(tf.mul(running._value, 1 - momentum), tf.mul(tf.reshape(batch, running.shape), momentum * scale)));
    running._replaceValue(next);
  });
}
