import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';

/**
 * @internal Integer division by zero has no value: PyTorch raises ZeroDivisionError, and some
 * tfjs backends trap or return garbage, so check before running the kernel.
 */
export function assertNoIntegerZero(divisor: Tensor, op: string): void {
  if (divisor.dtype === 'float32') return;
  const anyZero = tf.tidy(() => tf.any(tf.equal(divisor._value, tf.scalar(0, divisor.dtype))));
  const hit = anyZero.dataSync()[0] !== 0;
  anyZero.dispose();
  if (hit) throw new ValueError(`${op}: ZeroDivisionError (integer division by zero in a divisor of shape [${divisor.shape.join(', ')}])`);
}
