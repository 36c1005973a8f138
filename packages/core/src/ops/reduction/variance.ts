import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import type { Dims } from './reduce-dims';
import { centered, rawVar, varPlan, type VarOptions } from './var-plan';

export type { VarOptions } from './var-plan';

/**
 * Variance over all elements or over `dim`, with PyTorch's `correction` (1 by default: the
 * unbiased estimate). Exported as `var` (a reserved word for declarations in JavaScript).
 *
 * @example
 * ```ts
 * dl.var(dl.tensor([1, 2, 3, 4])).item(); // 1.6667
 * dl.var(dl.tensor([[1, 2], [3, 5]]), 1, { correction: 0 }).tolist(); // [0.25, 1]
 * ```
 */
function variance(input: Tensor, options?: VarOptions): Tensor;
function variance(input: Tensor, dim: Dims, options?: Omit<VarOptions, 'dim'>): Tensor;
function variance(input: Tensor, dimOrOptions?: Dims | VarOptions, maybe?: Omit<VarOptions, 'dim'>): Tensor {
  const p = varPlan(input, dimOrOptions, maybe, 'var');
  return runOp({
    name: 'Var',
    inputs: [input],
    save: { inputs: [0] },
    forward: () => rawVar(input._value, p),
    backward: (dy, [x]) => [tf.mul(tf.reshape(dy, p.kept), tf.div(tf.mul(centered(x, p.axes), 2), p.divisor))],
  });
}

export { variance as var };
