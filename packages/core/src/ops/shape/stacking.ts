import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { cat } from './cat';
import { reshapeTo } from './shape-utils';
import { assertTensorList } from '../arg-checks';

function atLeast(t: Tensor, rank: 1 | 2 | 3): Tensor {
  const s = t.shape;
  if (s.length >= rank) return t;
  if (rank === 1) return reshapeTo(t, [1], 'Reshape');
  if (rank === 2) return reshapeTo(t, s.length === 0 ? [1, 1] : [1, s[0]], 'Reshape');
  if (s.length === 0) return reshapeTo(t, [1, 1, 1], 'Reshape');
  if (s.length === 1) return reshapeTo(t, [1, s[0], 1], 'Reshape');
  return reshapeTo(t, [s[0], s[1], 1], 'Reshape');
}

function nonEmpty(tensors: readonly Tensor[], op: string): void {
  assertTensorList(tensors, op);
  if (tensors.length === 0) throw new ValueError(`${op}: expected a non-empty list of Tensors`);
}

/**
 * Stacks horizontally: along dim 1, or dim 0 for 1-D tensors (NumPy's `hstack`).
 *
 * @example
 * ```ts
 * dl.hstack([dl.tensor([1, 2]), dl.tensor([3])]).tolist(); // [1, 2, 3]
 * ```
 */
export function hstack(tensors: readonly Tensor[]): Tensor {
  nonEmpty(tensors, 'hstack');
  const ts = tensors.map((t) => atLeast(t, 1));
  return cat(ts, ts[0].dim() === 1 ? 0 : 1);
}

/**
 * Stacks vertically (along dim 0), 1-D tensors becoming rows (NumPy's `vstack`).
 *
 * @example
 * ```ts
 * dl.vstack([dl.tensor([1, 2]), dl.tensor([3, 4])]).tolist(); // [[1, 2], [3, 4]]
 * ```
 */
export function vstack(tensors: readonly Tensor[]): Tensor {
  nonEmpty(tensors, 'vstack');
  return cat(tensors.map((t) => atLeast(t, 2)), 0);
}

/**
 * Stacks depth-wise (along dim 2), after making every tensor at least 3-D (NumPy's `dstack`).
 *
 * @example
 * ```ts
 * dl.dstack([dl.tensor([1, 2]), dl.tensor([3, 4])]).shape; // [1, 2, 2]
 * ```
 */
export function dstack(tensors: readonly Tensor[]): Tensor {
  nonEmpty(tensors, 'dstack');
  return cat(tensors.map((t) => atLeast(t, 3)), 2);
}
