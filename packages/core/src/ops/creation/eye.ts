import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, type CreationOptions } from './creation-options';
import { hostTensor } from './host-values';
import { assertNumber } from '../arg-checks';

/**
 * A 2-D tensor with ones on the diagonal and zeros elsewhere (PyTorch's `torch.eye`): `n` rows
 * and `m` columns.
 *
 * @param m number of columns. @default n
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.eye(2).tolist(); // [[1, 0], [0, 1]]
 * dl.eye(2, 3).shape; // [2, 3]
 * ```
 */
export function eye(n: number, m?: number | CreationOptions, options: CreationOptions = {}): Tensor {
  let cols: number;
  if (typeof m === 'object' && m !== null) {
    options = m;
    cols = n;
  } else cols = m ?? n;
  for (const [what, v] of [['n', n], ['m', cols]] as const) {
    assertNumber(v, 'eye', what);
    if (!Number.isInteger(v) || v < 0) throw new ValueError(`eye: ${what} must be a non-negative integer, got ${String(v)}`);
  }
  const values = new Float64Array(n * cols);
  for (let i = 0; i < Math.min(n, cols); i++) values[i * cols + i] = 1;
  return finish(hostTensor(values, [n, cols], resolveDType(options, 'float32', 'eye')), options);
}
