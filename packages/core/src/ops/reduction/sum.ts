import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { normalizeDType, type DType } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { reduceArgs, reduceAxes, reducedShape, type Dims, type ReduceOptions } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** Options of {@link sum}. */
export interface SumOptions extends ReduceOptions {
  /** Cast the input to this dtype first. @default int32 for bool/int32 input, else the input's */
  dtype?: DType;
}

/**
 * Sum over all elements or over `dim`. Integer and bool inputs give int32 sums (PyTorch gives
 * int64, which @dl maps to int32).
 *
 * @example
 * ```ts
 * dl.sum(dl.tensor([[1, 2], [3, 4]]), { dim: 1 }).tolist(); // [3, 7]
 * dl.sum(dl.tensor([[1, 2], [3, 4]]), 0, { keepdim: true }).tolist(); // [[4, 6]]
 * ```
 */
export function sum(input: Tensor, options?: SumOptions): Tensor;
export function sum(input: Tensor, dim: Dims, options?: Omit<SumOptions, 'dim'>): Tensor;
export function sum(input: Tensor, dimOrOptions?: Dims | SumOptions, maybe?: Omit<SumOptions, 'dim'>): Tensor {
  assertTensor(input, 'sum');
  const options = reduceArgs<SumOptions>(dimOrOptions, maybe, 'sum');
  const x = castTo(input, options.dtype != null ? normalizeDType(options.dtype, 'sum') : input.dtype === 'bool' ? 'int32' : input.dtype);
  const axis = reduceAxes(x, options.dim, 'sum');
  const keepDims = options.keepdim ?? false;
  if (x.numel() === 0) {
    // Some backends (wasm) return garbage for empty reductions: the sum of nothing is 0.
    const shape = reducedShape(x.shape, axis, keepDims);
    return runOp({ name: 'Sum', inputs: [x], forward: () => tf.zeros(shape, x.dtype), backward: () => [tf.zeros(x.shape)] });
  }
  if (axis.length === 0) return kernelOp('Identity', { x }, {}, 'Sum');
  return kernelOp('Sum', { x }, { axis, keepDims }, 'Sum');
}
