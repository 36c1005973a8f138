import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { normalizeDType, type DType } from '../../tensor/dtype';
import { Tensor } from '../../tensor/tensor';
import type { DTypeLike } from '../creation/creation-options';
import { clone } from './clone';
import { assertTensor, rawCast } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link to}. */
export interface ToOptions {
  /** Return a new tensor even when the dtype already matches. @default false */
  copy?: boolean;
}

/**
 * Converts to a dtype, or to the dtype of another tensor (PyTorch's `Tensor.to`). Returns
 * `input` itself when the dtype already matches (unless `copy`). Float to int truncates toward
 * zero; anything to bool is `x != 0`. Casting between float dtypes keeps the graph.
 *
 * @example
 * ```ts
 * dl.tensor([1.7, -1.7]).to('int64').tolist(); // [1, -1] (int32)
 * x.to(other); // x in other's dtype
 * ```
 */
export function to(input: Tensor, dtype: DTypeLike | Tensor, options: ToOptions = {}): Tensor {
  assertTensor(input, 'to');
  assertOptions(options, 'to', '{ copy: true }');
  const target: DType = dtype instanceof Tensor ? dtype.dtype : normalizeDType(dtype as string, 'to');
  if (input.dtype === target) return options.copy ? clone(input) : input;
  const source = input.dtype;
  return runOp({
    name: 'ToCopy',
    inputs: [input],
    forward: () => tf.tidy(() => rawCast(input._value, target)),
    backward: (dy) => [rawCast(dy, source)],
  });
}
