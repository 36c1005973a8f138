import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import type { Dims } from './reduce-dims';
import { centered, rawVar, varPlan, type VarOptions } from './var-plan';

/**
 * Standard deviation over all elements or over `dim`, with PyTorch's `correction` (1 by
 * default).
 *
 * @example
 * ```ts
 * dl.std(dl.tensor([2, 4, 4, 4, 5, 5, 7, 9]), { correction: 0 }).item(); // 2
 * ```
 */
export function std(input: Tensor, options?: VarOptions): Tensor;
export function std(input: Tensor, dim: Dims, options?: Omit<VarOptions, 'dim'>): Tensor;
export function std(input: Tensor, dimOrOptions?: Dims | VarOptions, maybe?: Omit<VarOptions, 'dim'>): Tensor {
  const p = varPlan(input, dimOrOptions, maybe, 'std');
  return runOp({
    name: 'Std',
    inputs: [input],
    save: { inputs: [0], output: true },
    forward: () => tf.tidy(() => tf.sqrt(rawVar(input._value, p))),
    backward: (dy, [x, out]) => {
      // PyTorch masks the gradient where the deviation is 0 (instead of 0/0 = NaN).
      const s = tf.reshape(out, p.kept);
      const g = tf.div(tf.mul(tf.reshape(dy, p.kept), centered(x, p.axes)), tf.mul(s, p.divisor));
      return [tf.where(tf.equal(tf.broadcastTo(s, x.shape), 0), tf.zerosLike(g), g)];
    },
  });
}
