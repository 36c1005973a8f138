import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link gelu}. */
export interface GeluOptions {
  /** `'none'`: exact `x * Φ(x)` with erf; `'tanh'`: the tanh approximation. @default 'none' */
  approximate?: 'none' | 'tanh';
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const K = Math.sqrt(2 / Math.PI);
const C = 0.044715;

/**
 * Elementwise Gaussian error linear unit `x * Φ(x)` (PyTorch's `F.gelu`).
 *
 * @example
 * ```ts
 * dl.gelu(dl.tensor([-1, 1])).tolist(); // [-0.1587, 0.8413]
 * dl.gelu(dl.tensor([1]), { approximate: 'tanh' }).tolist(); // [0.8412]
 * ```
 */
export function gelu(input: Tensor, options: GeluOptions = {}): Tensor {
  assertOptions(options, 'gelu', "{ approximate: 'tanh' }");
  const approximate = options.approximate ?? 'none';
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new ValueError(`gelu: approximate must be 'none' or 'tanh', got '${String(approximate)}'`);
  }
  const x = floatInput(input, 'gelu');
  if (approximate === 'tanh') {
    return runOp({
      name: 'Gelu',
      inputs: [x],
      save: { inputs: [0] },
      forward: () =>
        tf.tidy(() => {
          const v = x._value;
          const inner = tf.mul(tf.add(v, tf.mul(tf.pow(v, 3), C)), K);
          return tf.mul(tf.mul(v, 0.5), tf.add(tf.tanh(inner), 1));
        }),
      backward: (dy, [v]) => {
        const x2 = tf.square(v);
        const t = tf.tanh(tf.mul(tf.mul(v, tf.add(tf.mul(x2, C), 1)), K));
        // d/dx 0.5 x (1 + t) = 0.5 (1 + t) + 0.5 x (1 - t^2) K (1 + 3 C x^2)
        const left = tf.mul(tf.add(t, 1), 0.5);
        const right = tf.mul(tf.mul(tf.mul(v, 0.5), tf.sub(1, tf.square(t))), tf.mul(tf.add(tf.mul(x2, 3 * C), 1), K));
        return [tf.mul(dy, tf.add(left, right))];
      },
    });
  }
  return runOp({
    name: 'Gelu',
    inputs: [x],
    save: { inputs: [0] },
    forward: () => tf.tidy(() => tf.mul(tf.mul(x._value, 0.5), tf.add(tf.erf(tf.mul(x._value, SQRT1_2)), 1))),
    backward: (dy, [v]) => {
      const cdf = tf.mul(tf.add(tf.erf(tf.mul(v, SQRT1_2)), 1), 0.5);
      const pdf = tf.mul(tf.exp(tf.mul(tf.square(v), -0.5)), INV_SQRT_2PI);
      return [tf.mul(dy, tf.add(cdf, tf.mul(v, pdf)))];
    },
  });
}
