import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, dimList } from '../arg-checks';

function rollRaw(x: TfTensor, shifts: readonly number[], axes: readonly number[]): TfTensor {
  return tf.tidy(() => {
    let v = x;
    axes.forEach((a, i) => {
      const n = v.shape[a];
      if (n === 0) return;
      const s = ((shifts[i] % n) + n) % n;
      if (s === 0) return;
      const size = v.shape.slice();
      const head = tf.slice(v, v.shape.map((_, k) => (k === a ? n - s : 0)), size.map((d, k) => (k === a ? s : d)));
      const tail = tf.slice(v, v.shape.map(() => 0), size.map((d, k) => (k === a ? n - s : d)));
      v = tf.concat([head, tail], a);
    });
    return v === x ? tf.clone(x) : v;
  });
}

/**
 * Rolls elements along `dims` by `shifts` (elements leaving one end come back at the other);
 * without `dims` the flattened tensor is rolled and the shape restored.
 *
 * @example
 * ```ts
 * dl.roll(dl.tensor([1, 2, 3, 4]), 1).tolist(); // [4, 1, 2, 3]
 * dl.roll(dl.tensor([[1, 2], [3, 4]]), [1, -1], [0, 1]).tolist(); // [[4, 3], [2, 1]]
 * ```
 */
export function roll(input: Tensor, shifts: number | readonly number[], dims?: number | readonly number[]): Tensor {
  assertTensor(input, 'roll');
  const sh = dimList(shifts, 'roll', 'shifts').slice();
  for (const s of sh) if (!Number.isInteger(s)) throw new ShapeError(`roll: shifts must be integers (got ${fmtShape(sh)})`);
  const shape = input.shape;
  if (dims === undefined) {
    if (sh.length !== 1) throw new ShapeError(`roll: without dims, shifts must be a single number (got ${fmtShape(sh)})`);
    const flat = [input.numel()];
    return runOp({
      name: 'Roll',
      inputs: [input],
      forward: () => tf.tidy(() => tf.reshape(rollRaw(tf.reshape(input._value, flat), sh, [0]), shape)),
      backward: (dy) => [tf.reshape(rollRaw(tf.reshape(dy, flat), [-sh[0]], [0]), shape)],
    });
  }
  const ds = dimList(dims, 'roll', 'dims').slice();
  if (ds.length !== sh.length) throw new ShapeError(`roll: shifts and dims must align (got shifts ${fmtShape(sh)} and dims ${fmtShape(ds)})`);
  const axes = ds.map((d) => input._normDim(d, 'roll'));
  return runOp({
    name: 'Roll',
    inputs: [input],
    forward: () => (input.dim() === 0 ? tf.clone(input._value) : rollRaw(input._value, sh, axes)),
    backward: (dy) => [input.dim() === 0 ? dy : rollRaw(dy, sh.map((s) => -s), axes)],
  });
}
