import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, type CreationOptions } from './creation-options';
import { hostTensor } from './host-values';
import { checkSteps, linspaceValues } from './sequence-values';
import { describeArg } from '../../tensor/describe-arg';
import { ArgumentTypeError } from '../../errors/argument-type-error';

/** Options of {@link logspace}. */
export interface LogspaceOptions extends CreationOptions {
  /** The base of the exponent. @default 10 */
  base?: number;
}

/**
 * `steps` values from `base^start` to `base^end`, evenly spaced on a log scale (PyTorch's
 * `torch.logspace`).
 *
 * @param options `base` (@default 10), `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.logspace(0, 2, 3).tolist(); // [1, 10, 100]
 * dl.logspace(0, 3, 4, { base: 2 }).tolist(); // [1, 2, 4, 8]
 * ```
 */
export function logspace(start: number, end: number, steps: number, options: LogspaceOptions = {}): Tensor {
  const n = checkSteps(steps, 'logspace');
  if (typeof start !== 'number' || typeof end !== 'number') throw new ArgumentTypeError(`logspace: start and end must be numbers, got ${describeArg(start)} and ${describeArg(end)}`);
  const base = options.base ?? 10;
  if (typeof base !== 'number') throw new ArgumentTypeError(`logspace: base must be a number, got ${describeArg(base)}`);
  const dtype = resolveDType(options, 'float32', 'logspace');
  const exps = linspaceValues(start, end, n);
  const values = exps.map((x) => base ** x);
  return finish(hostTensor(values, [n], dtype, 'logspace'), options);
}
