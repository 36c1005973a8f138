import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { normalizeDType, type DType } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { assertDimOrOptions, reduceAxes, reducedShape } from './reduce-dims';
import { assertTensor } from '../arg-checks';

/** Options of {@link prod}. */
export interface ProdOptions {
  /** The one dimension to multiply along; all elements when omitted. */
  dim?: number;
  /** Keep the reduced dimension with size 1 (only with `dim`). @default false */
  keepdim?: boolean;
  /** Cast the input to this dtype first. @default int32 for bool/int32 input, else the input's */
  dtype?: DType;
}

/**
 * Product of all elements, or along one dimension. Integer and bool inputs give int32; the
 * gradient is exact when the input holds zeros (as PyTorch's is).
 *
 * @example
 * ```ts
 * dl.prod(dl.tensor([[1, 2], [3, 4]]), 1).tolist(); // [2, 12]
 * ```
 */
export function prod(input: Tensor, options?: ProdOptions): Tensor;
export function prod(input: Tensor, dim: number, options?: Omit<ProdOptions, 'dim'>): Tensor;
export function prod(input: Tensor, dimOrOptions?: number | ProdOptions, maybe: Omit<ProdOptions, 'dim'> = {}): Tensor {
  assertTensor(input, 'prod');
  assertDimOrOptions(dimOrOptions, 'prod');
  const options: ProdOptions = typeof dimOrOptions === 'number' ? { ...maybe, dim: dimOrOptions } : (dimOrOptions ?? {});
  const x = castTo(input, options.dtype != null ? normalizeDType(options.dtype, 'prod') : input.dtype === 'bool' ? 'int32' : input.dtype);
  const axis = reduceAxes(x, options.dim, 'prod');
  const keepDims = options.dim !== undefined && (options.keepdim ?? false);
  if (x.numel() === 0) {
    const shape = reducedShape(x.shape, axis, keepDims);
    return runOp({ name: 'Prod', inputs: [x], forward: () => tf.ones(shape, x.dtype), backward: () => [tf.zeros(x.shape)] });
  }
  if (axis.length === 0) return kernelOp('Identity', { x }, {}, 'Prod');
  return kernelOp('Prod', { x }, { axis, keepDims }, 'Prod');
}
