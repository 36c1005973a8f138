import { MathBackendCPU, tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './conv-geometry';
import { checkBias, checkFloat } from './conv-nd';
import { assertOptionalTensor, assertTensor } from '../arg-checks';

const ENGINE = tf.engine();

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
        // An empty contraction is zeros (the wasm backend's kernels leave garbage there).
        const x2 = reshapeTo(input._value, [rows, inF]);
        if (inF === 0 || rows === 0 || outF === 0) return reshapeTo(bias ? tf.add(tf.zeros([rows, outF]), bias._value) : tf.zeros([rows, outF]), outShape);
        // tfjs-backend-wasm 4.22 runs transposeB several times slower than a transpose first,
        // and its _FusedMatMul adds the bias along the wrong axis when transposeB is set (and
        // reads out of bounds for rank-2 operands): product and bias stay apart there. The
        // other backends take the transposed weight directly (no [out, in] copy per call) and
        // add the bias in the product's epilogue (one kernel).
        if (tf.getBackend() === 'wasm') {
          const prod = tf.matMul(x2, tf.transpose(weight._value));
          return reshapeTo(bias ? tf.add(prod, bias._value) : prod, outShape);
        }
        if (!bias) return reshapeTo(tf.matMul(x2, weight._value, false, true), outShape);
        // The cpu backend's kernel (and the native one on it) takes rank-2 operands as they are;
        // tfjs's fused.matMul would reshape both to rank 3 and back (three more kernels).
        const y =
          tf.backend() instanceof MathBackendCPU
            ? (ENGINE.runKernel('_FusedMatMul', { a: x2, b: weight._value, bias: bias._value }, { transposeA: false, transposeB: true, activation: 'linear', leakyreluAlpha: 0 }) as TfTensor)
            : tf.fused.matMul({ a: x2, b: weight._value, transposeB: true, bias: bias._value });
        return reshapeTo(y, outShape);
      }),
    backward: (dy, saved, needs) => {
      const x = weight.requiresGrad ? saved[0] : null;
      const w = input.requiresGrad ? saved[weight.requiresGrad ? 1 : 0] : null;
      const g = reshapeTo(dy, [rows, outF]);
      const empty = inF === 0 || rows === 0 || outF === 0;
      const dx = needs[0] && w ? (empty ? tf.zeros(shape) : reshapeTo(tf.matMul(g, w), shape)) : null;
      const dw = needs[1] && x ? (empty ? tf.zeros([outF, inF]) : tf.matMul(g, reshapeTo(x, [rows, inF]), true, false)) : null;
      const db = needs[2] ? tf.sum(g, 0) : null;
      return [dx, dw, db];
    },
  });
}

/** `x` reshaped to `shape`, without a kernel when it has that shape already. */
function reshapeTo(x: TfTensor, shape: number[]): TfTensor {
  const s = x.shape;
  if (s.length === shape.length && s.every((d, i) => d === shape[i])) return x;
  return tf.reshape(x, shape);
}
