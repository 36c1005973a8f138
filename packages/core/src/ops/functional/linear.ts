import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './conv-geometry';
import { checkBias, checkFloat } from './conv-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

/**
 * Affine map `input @ weight^T + bias` over the last dimension (PyTorch's `F.linear`):
 * `input [*, in]` with `weight [out, in]` and an optional `bias [out]` gives `[*, out]`.
 * Differentiable in all three inputs.
 *
 * @example
 * ```ts
 * const w = dl.randn([10, 128], { requiresGrad: true });
 * dl.linear(dl.randn([64, 128]), w).shape; // [64, 10]
 * ```
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  assertTensor(input, 'linear');
  assertTensor(weight, 'linear', 'weight');
  assertOptionalTensor(bias, 'linear', 'bias');
  checkFloat(input, 'input', 'linear');
  checkFloat(weight, 'weight', 'linear');
  if (weight.dim() !== 2) throw new ShapeError(`linear: expected 2D weight [out_features, in_features], but got weight of size ${fmtShape(weight.shape)}`);
  if (input.dim() === 0) throw new ShapeError('linear: expected input with at least 1 dimension [*, in_features], but got a 0-d tensor');
  const [outF, inF] = weight.shape;
  const shape = input.shape;
  const last = shape[shape.length - 1];
  if (last !== inF) {
    throw new ShapeError(`linear: input of size ${fmtShape(shape)} cannot be multiplied by weight of size ${fmtShape(weight.shape)} (expected the last dimension of input to be ${inF}, got ${last})`);
  }
  checkBias(bias, outF, 'linear');
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const outShape = [...shape.slice(0, -1), outF];
  const keep: number[] = [];
  if (weight.requiresGrad) keep.push(0);
  if (input.requiresGrad) keep.push(1);
  return runOp({
    name: 'Linear',
    inputs: bias ? [input, weight, bias] : [input, weight],
    save: { inputs: keep },
    forward: () =>
      tf.tidy(() => {
        // Not _FusedMatMul: tfjs-backend-wasm 4.22 adds the bias along the wrong axis when
        // transposeB is set (and reads out of bounds for rank-2 operands).
        // An empty contraction is zeros (the wasm backend's kernels leave garbage there).
        // tfjs-backend-wasm runs transposeB several times slower than a transpose first; the
        // other backends take the transposed operand directly (no [out, in] copy per call).
        const x2 = tf.reshape(input._value, [rows, inF]);
        const prod =
          inF === 0 || rows === 0 || outF === 0 ? tf.zeros([rows, outF]) : tf.getBackend() === 'wasm' ? tf.matMul(x2, tf.transpose(weight._value)) : tf.matMul(x2, weight._value, false, true);
        const y = bias ? tf.add(prod, bias._value) : prod;
        return tf.reshape(y, outShape);
      }),
    backward: (dy, saved, needs) => {
      const x = weight.requiresGrad ? saved[0] : null;
      const w = input.requiresGrad ? saved[weight.requiresGrad ? 1 : 0] : null;
      const g = tf.reshape(dy, [rows, outF]);
      const empty = inF === 0 || rows === 0 || outF === 0;
      const dx = needs[0] && w ? (empty ? tf.zeros(shape) : tf.reshape(tf.matMul(g, w), shape)) : null;
      const dw = needs[1] && x ? (empty ? tf.zeros([outF, inF]) : tf.matMul(g, tf.reshape(x, [rows, inF]), true, false)) : null;
      const db = needs[2] ? tf.sum(g, 0) : null;
      return [dx, dw, db];
    },
  });
}
