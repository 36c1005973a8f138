import { kernelOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, dimList } from '../arg-checks';

/**
 * Reverses the order of elements along `dims`.
 *
 * @example
 * ```ts
 * dl.flip(dl.tensor([[1, 2], [3, 4]]), [1]).tolist(); // [[2, 1], [4, 3]]
 * ```
 */
export function flip(input: Tensor, dims: number | readonly number[]): Tensor {
  assertTensor(input, 'flip');
  const list = dimList(dims, 'flip');
  const axes = list.map((d) => input._normDim(d, 'flip'));
  if (new Set(axes).size !== axes.length) throw new ValueError(`flip: dims ${fmtShape(list)} has a repeated dim`);
  if (input.dim() === 0 || axes.length === 0) return kernelOp('Identity', { x: input }, {}, 'Flip');
  return kernelOp('Reverse', { x: input }, { dims: axes }, 'Flip');
}

/**
 * Flips a matrix left-right (dimension 1).
 *
 * @example
 * ```ts
 * dl.fliplr(dl.tensor([[1, 2]])).tolist(); // [[2, 1]]
 * ```
 */
export function fliplr(input: Tensor): Tensor {
  assertTensor(input, 'fliplr');
  if (input.dim() < 2) throw new ValueError(`fliplr: input must be >= 2-d (got shape ${fmtShape(input.shape)})`);
  return flip(input, [1]);
}

/**
 * Flips up-down (dimension 0).
 *
 * @example
 * ```ts
 * dl.flipud(dl.tensor([1, 2])).tolist(); // [2, 1]
 * ```
 */
export function flipud(input: Tensor): Tensor {
  assertTensor(input, 'flipud');
  if (input.dim() < 1) throw new ValueError(`flipud: input must be >= 1-d (got shape ${fmtShape(input.shape)})`);
  return flip(input, [0]);
}
