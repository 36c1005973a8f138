import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link celu}. */
export interface CeluOptions {
  /** The `alpha` of `max(0, x) + min(0, alpha * (e^(x/alpha) - 1))`. @default 1 */
  alpha?: number;
}

/**
 * Elementwise continuously differentiable ELU (PyTorch's `F.celu`).
 *
 * @example
 * ```ts
 * dl.celu(dl.tensor([-1, 2]), { alpha: 2 }).tolist(); // [-0.7869, 2]
 * ```
 */
export function celu(input: Tensor, options: CeluOptions = {}): Tensor {
  assertOptions(options, 'celu', '{ alpha: 1 }');
  const alpha = options.alpha ?? 1;
  if (alpha === 0) throw new ValueError('celu: alpha cannot be 0 (ZeroDivisionError in PyTorch)');
  const x = floatInput(input, 'celu');
  return runOp({
    name: 'Celu',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.where(tf.greater(x._value, 0), x._value, tf.mul(tf.expm1(tf.div(x._value, alpha)), alpha))),
    backward: (dy, [xv]) => [tf.where(tf.greater(xv, 0), dy, tf.mul(dy, tf.exp(tf.div(xv, alpha))))],
  });
}
