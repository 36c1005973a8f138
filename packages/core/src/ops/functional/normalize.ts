import { tf } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { DTypeError } from '../../errors/dtype-error';
import type { Tensor } from '../../tensor/tensor';
import { checkOrder, pNorm, pNormGrad } from './p-norm';
import { assertTensor } from '../arg-checks';

/** Options of `normalize`. */
export interface NormalizeOptions {
  /** The exponent of the norm (Infinity for the max norm). @default 2 */
  p?: number;
  /** The dimension normalised over. @default 1 */
  dim?: number;
  /** Lower bound of the divisor, so zero vectors stay zero. @default 1e-12 */
  eps?: number;
}

/**
 * Divides each vector along `dim` by its p-norm, `x / max(||x||_p, eps)` (PyTorch's
 * `F.normalize`).
 *
 * @param options `p` (default 2), `dim` (default 1), `eps` (default 1e-12).
 * @example
 * ```ts
 * dl.normalize(dl.tensor([[3, 4]])).tolist(); // [[0.6, 0.8]]
 * ```
 */
export function normalize(input: Tensor, options: NormalizeOptions = {}): Tensor {
  assertTensor(input, 'normalize');
  const op = 'normalize';
  const p = options.p ?? 2;
  const eps = options.eps ?? 1e-12;
  checkOrder(p, op);
  if (input.dtype !== 'float32') throw new DTypeError(`${op}: expected a float32 input, got ${input.dtype}`);
  const scalar = input.dim() === 0;
  const axis = input._normDim(options.dim ?? 1, op);
  const shape = input.shape;
  const view = (t: ReturnType<typeof tf.zeros>) => (scalar ? tf.reshape(t, [1]) : t);
  return runOp({
    name: 'Normalize',
    inputs: [input],
    save: { inputs: [0] },
    forward: () => {
      const [y, norm] = tf.tidy(() => {
        const x = view(input._value);
        const n = pNorm(x, p, axis);
        return [tf.reshape(tf.div(x, tf.maximum(n, eps)), shape), n];
      });
      return [y, norm];
    },
    backward: (dy, [xv, norm]) => {
      const x = view(xv);
      const g = view(dy);
      const d = tf.maximum(norm, eps);
      // y = x / d(x): dx = g / d - (sum(g * x) / d^2) * dd/dx, where d follows the norm above eps.
      const inner = tf.sum(tf.mul(g, x), axis, true);
      const dn = tf.where(tf.greater(norm, eps), tf.neg(tf.div(inner, tf.square(d))), tf.zerosLike(norm));
      return [tf.reshape(tf.add(tf.div(g, d), pNormGrad(x, norm, dn, p, axis)), shape)];
    },
  });
}
