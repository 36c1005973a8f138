import { tf, type TfTensor } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { keptShape, reduceArgs, reduceAxes, reducedCount, reducedShape, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** Options of {@link var}, {@link std}, {@link varMean} and {@link stdMean}. */
export interface VarOptions extends ReduceOptions {
  /** Difference between the sample size and the divisor (Bessel's correction is 1). @default 1 */
  correction?: number;
  /** Older PyTorch spelling: `true` means `correction: 1`, `false` means `correction: 0`. */
  unbiased?: boolean;
}

/** @internal The resolved arguments of a variance-type reduction. */
interface VarPlan {
  axes: number[];
  keepdim: boolean;
  divisor: number;
  kept: number[];
  out: number[];
}

/** @internal Validates options and computes what var/std need. */
export function varPlan(input: Tensor, dimOrOptions: Dims | VarOptions | undefined, maybe: Omit<VarOptions, 'dim'> | undefined, op: string): VarPlan {
  assertTensor(input, op);
  const o = reduceArgs<VarOptions>(dimOrOptions, maybe, op);
  if (input.dtype !== 'float32') throw new DTypeError(`${op}: only supports floating point dtypes (got ${input.dtype})`);
  if (o.correction !== undefined && o.unbiased !== undefined) {
    throw new ValueError(`${op}: cannot specify both correction (${o.correction}) and unbiased (${o.unbiased})`);
  }
  const correction = o.correction ?? (o.unbiased === false ? 0 : 1);
  const axes = reduceAxes(input, o.dim, op);
  const keepdim = o.keepdim ?? false;
  const shape = input.shape;
  const n = reducedCount(shape, axes);
  return { axes, keepdim, divisor: Math.max(0, n - correction), kept: keptShape(shape, axes), out: reducedShape(shape, axes, keepdim) };
}

/** @internal `x - mean(x)` over the plan's axes. */
export function centered(x: TfTensor, axes: number[]): TfTensor {
  return tf.sub(x, tf.mean(x, axes, true));
}

/** @internal The variance of the plan, computed on raw values. */
export function rawVar(x: TfTensor, p: VarPlan): TfTensor {
  if (x.size === 0) return tf.fill(p.out, NaN);
  return tf.tidy(() => tf.reshape(tf.div(tf.sum(tf.square(centered(x, p.axes)), p.axes, true), p.divisor), p.out));
}

