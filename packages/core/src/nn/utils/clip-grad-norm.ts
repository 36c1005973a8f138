import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { paramList } from './grads-of';

/** Options of `clipGradNorm_`. */
export interface ClipGradNormOptions {
  /** The p of the p-norm (`Infinity` for the max norm). @default 2 */
  normType?: number;
  /** Throw when the total norm is NaN or infinite instead of scaling by it. @default false */
  errorIfNonfinite?: boolean;
}

/**
 * Scales the gradients of `parameters` in place so that their total norm (as if concatenated)
 * is at most `maxNorm` (PyTorch's `nn.utils.clip_grad_norm_`). Returns the total norm before
 * clipping, as a 0-d tensor.
 *
 * @example
 * ```ts
 * loss.backward();
 * nn.utils.clipGradNorm_(model.parameters(), 1.0);
 * opt.step();
 * ```
 */
export function clipGradNorm_(parameters: Tensor | Iterable<Tensor>, maxNorm: number, options: ClipGradNormOptions = {}): Tensor {
  const grads = paramList(parameters, 'clipGradNorm_')
    .map((p) => p.grad)
    .filter((g): g is Tensor => g !== null);
  const normType = options.normType ?? 2;
  if (typeof maxNorm !== 'number' || Number.isNaN(maxNorm)) throw new ValueError(`clipGradNorm_: maxNorm must be a number, got ${String(maxNorm)}`);
  if (!(normType > 0)) throw new ValueError(`clipGradNorm_: normType must be positive, got ${normType}`);
  if (grads.length === 0) return Tensor._owned(tf.scalar(0));
  const total = tf.tidy(() => {
    if (normType === Infinity) return tf.max(tf.stack(grads.map((g) => tf.max(tf.abs(g._value)))));
    const norms = grads.map((g) => (normType === 2 ? tf.norm(g._value) : tf.pow(tf.sum(tf.pow(tf.abs(g._value), normType)), 1 / normType)));
    return normType === 2 ? tf.norm(tf.stack(norms)) : tf.pow(tf.sum(tf.pow(tf.stack(norms), normType)), 1 / normType);
  });
  const totalNorm = total.dataSync()[0];
  if ((options.errorIfNonfinite ?? false) && !Number.isFinite(totalNorm)) {
    total.dispose();
    throw new ValueError(
      `clipGradNorm_: The total norm of order ${normType} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set errorIfNonfinite: false`,
    );
  }
  const coef = Math.min(maxNorm / (totalNorm + 1e-6), 1);
  // PyTorch multiplies even by a coefficient of 1 (and by NaN for a NaN norm); skipping the
  // exact-1 case changes no value.
  if (coef !== 1) for (const g of grads) g._replaceValue(tf.keep(tf.tidy(() => tf.mul(g._value, Math.fround(coef)))));
  return Tensor._owned(total);
}
