import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import type { Tensor } from '../../tensor/tensor';
import { assertTensor } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link nanToNum}. */
export interface NanToNumOptions {
  /** Replaces NaN. @default 0 */
  nan?: number;
  /** Replaces +Infinity. @default the largest finite float32 */
  posinf?: number;
  /** Replaces -Infinity. @default the lowest finite float32 */
  neginf?: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Replaces NaN, +Infinity and -Infinity with finite numbers (PyTorch's `torch.nan_to_num`).
 * Integer and bool tensors come back as a copy. Gradients flow only through finite elements.
 *
 * @example
 * ```ts
 * dl.nanToNum(dl.tensor([NaN, Infinity, 1]), { posinf: 9 }).tolist(); // [0, 9, 1]
 * ```
 */
export function nanToNum(input: Tensor, options: NanToNumOptions = {}): Tensor {
  assertOptions(options, 'nanToNum', '{ nan: 0 }');
  assertTensor(input, 'nanToNum');
  const x = input;
  if (x.dtype !== 'float32') return runOp({ name: 'NanToNum', inputs: [x], forward: () => tf.clone(x._value) });
  const nan = options.nan ?? 0;
  const posinf = options.posinf ?? FLOAT32_MAX;
  const neginf = options.neginf ?? -FLOAT32_MAX;
  return runOp({
    name: 'NanToNum',
    inputs: [x],
    save: { inputs: [0] },
    forward: () =>
      tf.tidy(() => {
        const v = x._value;
        const full = (n: number) => tf.fill(v.shape, n, 'float32');
        const inf = tf.where(tf.greater(v, 0), full(posinf), full(neginf));
        return tf.where(tf.isNaN(v), full(nan), tf.where(tf.isInf(v), inf, v));
      }),
    backward: (dy, [v]) => [tf.where(tf.isFinite(v), dy, tf.zerosLike(dy))],
  });
}
