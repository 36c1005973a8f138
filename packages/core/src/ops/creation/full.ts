
import { filledTensor } from './raw-fill';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { describeArg } from '../../tensor/describe-arg';
import type { Tensor } from '../../tensor/tensor';
import { checkSize, finish, resolveDType, type CreationOptions, type Size } from './creation-options';

/**
 * A tensor filled with `fillValue` (PyTorch's `torch.full`). Booleans make a bool tensor;
 * numbers make float32 unless `dtype` says otherwise (JavaScript cannot tell `1` from `1.0`).
 *
 * @param options `dtype` (@default 'float32', 'bool' for a boolean), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.full([2, 2], 7).tolist(); // [[7, 7], [7, 7]]
 * dl.full([3], true).dtype; // 'bool'
 * ```
 */
export function full(size: Size, fillValue: number | boolean, options: CreationOptions = {}): Tensor {
  const shape = checkSize(size, 'full');
  if (typeof fillValue !== 'number' && typeof fillValue !== 'boolean') {
    throw new ArgumentTypeError(`full: fillValue must be a number or a boolean, got ${describeArg(fillValue)}`);
  }
  const dtype = resolveDType(options, typeof fillValue === 'boolean' ? 'bool' : 'float32', 'full');
  return finish(filledTensor(shape, fillValue, dtype), options);
}
