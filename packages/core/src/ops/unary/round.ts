import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { roundingOp } from './rounding';
import { assertOptions } from '../arg-checks';

/** Options of {@link round}. */
export interface RoundOptions {
  /** Number of decimal places to round to (negative rounds to tens, hundreds, ...). @default 0 */
  decimals?: number;
}

/**
 * Elementwise rounding to the nearest integer, ties to even (PyTorch's `torch.round`), or to
 * `decimals` decimal places. Integer tensors are returned as a copy. The gradient is 0.
 *
 * @example
 * ```ts
 * dl.round(dl.tensor([0.5, 1.5, 2.567])).tolist(); // [0, 2, 3]
 * dl.round(dl.tensor([2.567]), { decimals: 2 }).tolist(); // [2.57]
 * ```
 */
export function round(input: Tensor, options: RoundOptions = {}): Tensor {
  assertOptions(options, 'round', '{ decimals: 2 }');
  const decimals = options.decimals ?? 0;
  if (!Number.isInteger(decimals)) throw new ValueError(`round: decimals must be an integer, got ${decimals}`);
  if (decimals === 0) return roundingOp('Round', 'round', input, (x) => tf.round(x));
  const scale = 10 ** Math.abs(decimals);
  // PyTorch multiplies for positive decimals and divides for negative ones (and back after).
  return roundingOp('Round', 'round', input, (x) =>
    decimals > 0 ? tf.div(tf.round(tf.mul(x, scale)), scale) : tf.mul(tf.round(tf.div(x, scale)), scale),
  );
}
