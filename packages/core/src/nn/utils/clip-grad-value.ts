import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { paramList } from './grads-of';

/**
 * Clamps the gradients of `parameters` in place to `[-clipValue, clipValue]` (PyTorch's
 * `nn.utils.clip_grad_value_`).
 *
 * @example
 * ```ts
 * nn.utils.clipGradValue_(model.parameters(), 0.5);
 * ```
 */
export function clipGradValue_(parameters: Tensor | Iterable<Tensor>, clipValue: number): void {
  if (typeof clipValue !== 'number' || !(clipValue >= 0)) throw new ValueError(`clipGradValue_: clipValue must be a non-negative number, got ${String(clipValue)}`);
  for (const p of paramList(parameters, 'clipGradValue_')) {
    const g = p.grad;
    if (g) g._replaceValue(tf.keep(tf.clipByValue(g._value, -clipValue, clipValue)));
  }
}
