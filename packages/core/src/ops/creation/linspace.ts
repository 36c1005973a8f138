import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, type CreationOptions } from './creation-options';
import { hostTensor } from './host-values';
import { checkSteps, linspaceValues } from './sequence-values';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/**
 * `steps` evenly spaced values from `start` to `end`, both included (PyTorch's
 * `torch.linspace`).
 *
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.linspace(-1, 1, 5).tolist(); // [-1, -0.5, 0, 0.5, 1]
 * ```
 */
export function linspace(start: number, end: number, steps: number, options: CreationOptions = {}): Tensor {
  const n = checkSteps(steps, 'linspace');
  if (typeof start !== 'number' || typeof end !== 'number') throw new ArgumentTypeError(`linspace: start and end must be numbers, got ${describeArg(start)} and ${describeArg(end)}`);
  const dtype = resolveDType(options, 'float32', 'linspace');
  return finish(hostTensor(linspaceValues(start, end, n), [n], dtype, 'linspace'), options);
}
