import { tf } from '../../backend/tfjs';
import { kernelOp, runOp } from '../../autograd/run-op';
import { normalizeDType, type DType } from '../../tensor/dtype';
import type { Tensor } from '../../tensor/tensor';
import { castTo } from '../operands';
import { assertTensor } from '../arg-checks';

/**
 * Cumulative sum along `dim`. Integer and bool inputs give int32 (PyTorch: int64).
 *
 * @param dtype cast the input to this dtype first. @default int32 for bool/int32, else the input's
 * @example
 * ```ts
 * dl.cumsum(dl.tensor([[1, 2, 3], [4, 5, 6]]), 1).tolist(); // [[1, 3, 6], [4, 9, 15]]
 * ```
 */
export function cumsum(input: Tensor, dim: number, options: { dtype?: DType } = {}): Tensor {
  assertTensor(input, 'cumsum');
  const x = castTo(input, options.dtype != null ? normalizeDType(options.dtype, 'cumsum') : input.dtype === 'bool' ? 'int32' : input.dtype);
  const axis = x._normDim(dim, 'cumsum');
  if (x.dim() === 0 || x.numel() === 0) return runOp({ name: 'Cumsum', inputs: [x], forward: () => tf.clone(x._value), backward: (dy) => [dy] });
  return kernelOp('Cumsum', { x }, { axis, exclusive: false, reverse: false }, 'Cumsum');
}
