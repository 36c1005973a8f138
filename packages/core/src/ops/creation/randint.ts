import { defaultGenerator } from '../../random/generator';
import { Tensor } from '../../tensor/tensor';
import { checkSize, finish, resolveDType, type RandomOptions, type Size } from './creation-options';
import { checkIntBounds, randintValues } from './random-values';

/**
 * Random integers uniform in `[low, high)` (PyTorch's `torch.randint`): `randint(high, size)` or
 * `randint(low, high, size)`, drawn as PyTorch's CPU generator does (`random() % range + low`).
 *
 * @param options `generator` (@default the default generator), `dtype` (@default 'int32', PyTorch's
 *   int64), `requiresGrad` (float dtype only, @default false).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * dl.randint(0, 10, [5]).tolist(); // [4, 9, 3, 0, 3]
 * ```
 */
export function randint(high: number, size: Size, options?: RandomOptions): Tensor;
export function randint(low: number, high: number, size: Size, options?: RandomOptions): Tensor;
export function randint(a: number, b: number | Size, c?: Size | RandomOptions, d?: RandomOptions): Tensor {
  let low: number;
  let high: number;
  let size: unknown;
  let options: RandomOptions;
  if (typeof b === 'number' && c !== undefined && (Array.isArray(c) || typeof c === 'number')) {
    [low, high, size, options] = [a, b, c, d ?? {}];
  } else {
    [low, high, size, options] = [0, a, b, (c as RandomOptions | undefined) ?? {}];
  }
  checkIntBounds(low, high, 'randint');
  const shape = checkSize(size, 'randint');
  const dtype = resolveDType(options, 'int32', 'randint');
  return finish(Tensor._owned(randintValues(low, high, shape, dtype, options.generator ?? defaultGenerator)), options);
}
