import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/** @internal Tiles by `reps` (as long as the rank, after padding the shape with leading 1s). */
function tileRaw(input: Tensor, reps: readonly number[], name: string): Tensor {
  const lead = reps.length - input.dim();
  const shape = [...new Array<number>(lead).fill(1), ...input.shape];
  const r = reps.slice();
  return runOp({
    name,
    inputs: [input],
    forward: () => tf.tidy(() => (shape.some((s) => s === 0) || r.some((s) => s === 0) ? tf.zeros(shape.map((s, i) => s * r[i]), input.dtype) : tf.tile(tf.reshape(input._value, shape), r))),
    // Every copy of the input lands in its own block: sum the blocks.
    backward: (dy) => {
      const split: number[] = [];
      shape.forEach((s, i) => { split.push(r[i], s); });
      const axes = r.map((_, i) => 2 * i);
      return [tf.reshape(tf.sum(tf.reshape(dy, split), axes), input.shape)];
    },
  });
}

function checkReps(reps: readonly number[], op: string): void {
  for (const r of reps) {
    if (!Number.isInteger(r) || r < 0) throw new ShapeError(`${op}: repeats must be non-negative integers (got ${fmtShape(reps)})`);
  }
}

/**
 * Repeats the tensor along each dimension (PyTorch's `Tensor.repeat`); `repeats` may be longer
 * than the rank, adding leading dimensions.
 *
 * @example
 * ```ts
 * dl.repeat(dl.tensor([1, 2]), [2, 2]).tolist(); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 * ```
 */
export function repeat(input: Tensor, repeats: readonly number[]): Tensor {
  assertTensor(input, 'repeat');
  assertNumberList(repeats, 'repeat', 'repeats');
  if (repeats.length < input.dim()) {
    throw new ShapeError(`repeat: number of repeat dims (${repeats.length}) can not be smaller than number of dimensions of tensor (${input.dim()}, shape ${fmtShape(input.shape)})`);
  }
  checkReps(repeats, 'repeat');
  return tileRaw(input, repeats, 'Repeat');
}

/**
 * Repeats the tensor along each dimension (PyTorch's `torch.tile`): shorter `dims` are padded
 * with leading 1s.
 *
 * @example
 * ```ts
 * dl.tile(dl.tensor([[1, 2]]), [2]).tolist(); // [[1, 2, 1, 2]]
 * ```
 */
export function tile(input: Tensor, dims: readonly number[]): Tensor {
  assertTensor(input, 'tile');
  assertNumberList(dims, 'tile', 'dims');
  checkReps(dims, 'tile');
  const reps = [...new Array<number>(Math.max(0, input.dim() - dims.length)).fill(1), ...dims];
  return tileRaw(input, reps, 'Tile');
}
