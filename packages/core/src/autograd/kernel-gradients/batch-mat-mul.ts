import { tf } from '../../backend/tfjs';
import type { KernelGradient } from './types';
import { ifNeeded } from './util';

/**
 * Gradient of `BatchMatMul` (attrs `transposeA`, `transposeB`; batch dimensions broadcast). With
 * `C = op(A) op(B)`: `dA = dC Bᵀ`, `dB = Aᵀ dC` before undoing the transposes. The results have
 * the broadcast batch shape; `runOp` sums them down to each input's shape. Like the kernel, this
 * is only right when one operand has a single batch or both have the same batch shape (leading
 * 1s aside): `matmul` expands other batch shapes before calling the kernel.
 */
export const batchMatMulGradient: KernelGradient = {
  kernelName: 'BatchMatMul',
  inputNames: ['a', 'b'],
  saveInputs: ['a', 'b'],
  gradFunc: (dy, [a, b], { attrs, needs }) => {
    const ta = Boolean(attrs.transposeA);
    const tb = Boolean(attrs.transposeB);
    if (!ta && !tb) return [ifNeeded(needs[0], () => tf.matMul(dy, b, false, true)), ifNeeded(needs[1], () => tf.matMul(a, dy, true, false))];
    if (!ta && tb) return [ifNeeded(needs[0], () => tf.matMul(dy, b, false, false)), ifNeeded(needs[1], () => tf.matMul(dy, a, true, false))];
    if (ta && !tb) return [ifNeeded(needs[0], () => tf.matMul(b, dy, false, true)), ifNeeded(needs[1], () => tf.matMul(a, dy, false, false))];
    return [ifNeeded(needs[0], () => tf.matMul(b, dy, true, true)), ifNeeded(needs[1], () => tf.matMul(dy, a, true, true))];
  },
};
