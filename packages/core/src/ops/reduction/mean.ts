import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { reduceArgs, reduceAxes, reducedShape, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** Options of {@link mean}. */
export interface MeanOptions extends ReduceOptions {
  /** Cast the input to this dtype first (only float32 is accepted, as in PyTorch). */
  dtype?: 'float32';
}

/**
 * Mean over all elements or over `dim`. Like PyTorch, integer and bool inputs are refused
 * unless `dtype: 'float32'` asks for a cast; the mean of nothing is NaN.
 *
 * @example
 * ```ts
 * dl.mean(dl.tensor([[1, 2], [3, 4]]), { dim: 0 }).tolist(); // [2, 3]
 * ```
 */
export function mean(input: Tensor, options?: MeanOptions): Tensor;
export function mean(input: Tensor, dim: Dims, options?: Omit<MeanOptions, 'dim'>): Tensor;
export function mean(input: Tensor, dimOrOptions?: Dims | MeanOptions, maybe?: Omit<MeanOptions, 'dim'>): Tensor {
  assertTensor(input, 'mean');
  const options = reduceArgs<MeanOptions>(dimOrOptions, maybe, 'mean');
  if (options.dtype !== undefined && options.dtype !== 'float32') {
    throw new DTypeError(`mean: dtype must be float32 (got ${String(options.dtype)})`);
  }
  const x = options.dtype ? castTo(input, 'float32') : input;
  if (x.dtype !== 'float32') {
    throw new DTypeError(`mean: could not infer output dtype. Input dtype must be floating point (got ${x.dtype}); pass { dtype: 'float32' }`);
  }
  const axis = reduceAxes(x, options.dim, 'mean');
  const keepDims = options.keepdim ?? false;
  if (x.numel() === 0) {
    const shape = reducedShape(x.shape, axis, keepDims);
    return runOp({ name: 'Mean', inputs: [x], forward: () => tf.fill(shape, NaN), backward: () => [tf.zeros(x.shape)] });
  }
  if (axis.length === 0) return kernelOp('Identity', { x }, {}, 'Mean');
  return kernelOp('Mean', { x }, { axis, keepDims }, 'Mean');
}
