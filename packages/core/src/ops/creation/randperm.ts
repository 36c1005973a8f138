import { ValueError } from '../../errors/value-error';
import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, type RandomOptions } from './creation-options';
import { hostTensor } from './host-values';
import { assertNumber } from '../arg-checks';

/**
 * A random permutation of `0 .. n-1` (PyTorch's `torch.randperm`), shuffled with PyTorch's CPU
 * swap loop, so `manualSeed(0); randperm(5)` equals PyTorch's `[4, 0, 1, 3, 2]`.
 *
 * @param options `generator` (@default the default generator), `dtype` (@default 'int32', PyTorch's
 *   int64), `requiresGrad` (float dtype only, @default false).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * dl.randperm(5).tolist(); // [4, 0, 1, 3, 2]
 * ```
 */
export function randperm(n: number, options: RandomOptions = {}): Tensor {
  assertNumber(n, 'randperm', 'n');
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`randperm: n must be a non-negative integer, got ${String(n)}`);
  const gen = options.generator ?? defaultGenerator;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = gen.nextInt(n - i);
    const tmp = r[i];
    r[i] = r[i + z];
    r[i + z] = tmp;
  }
  return finish(hostTensor(r, [n], resolveDType(options, 'int32', 'randperm')), options);
}
