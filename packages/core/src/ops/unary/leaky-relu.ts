import { kernelOp } from '../../autograd/run-op';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { floatInput } from './unary-helpers';
import { assertOptions } from '../arg-checks';

/** Options of {@link leakyRelu}. */
export interface LeakyReluOptions {
  /** Slope for negative inputs. @default 0.01 */
  negativeSlope?: number;
}

/**
 * Elementwise `x > 0 ? x : negativeSlope * x` (PyTorch's `F.leaky_relu`).
 *
 * @example
 * ```ts
 * dl.leakyRelu(dl.tensor([-2, 3]), { negativeSlope: 0.1 }).tolist(); // [-0.2, 3]
 * ```
 */
export function leakyRelu(input: Tensor, options: LeakyReluOptions = {}): Tensor {
  assertOptions(options, 'leakyRelu', '{ negativeSlope: 0.2 }');
  const alpha = options.negativeSlope ?? 0.01;
  if (!Number.isFinite(alpha)) throw new ValueError(`leakyRelu: negativeSlope must be a finite number, got ${alpha}`);
  return kernelOp('LeakyRelu', { x: floatInput(input, 'leakyRelu') }, { alpha });
}
