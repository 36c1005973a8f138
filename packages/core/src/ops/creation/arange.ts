import { ArgumentTypeError } from '../../errors/argument-type-error';
import { ValueError } from '../../errors/value-error';
import { describeArg } from '../../tensor/describe-arg';
import type { Tensor } from '../../tensor/tensor';
import { finish, resolveDType, type CreationOptions } from './creation-options';
import { hostTensor } from './host-values';

function parse(args: readonly unknown[]): [number, number, number, CreationOptions] {
  let options: CreationOptions = {};
  let nums = args;
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object') {
    options = last as CreationOptions;
    nums = args.slice(0, -1);
  }
  if (nums.length === 0 || nums.length > 3) throw new ValueError(`arange: expected 1 to 3 numbers (end | start, end | start, end, step), got ${nums.length}`);
  for (const n of nums) {
    if (typeof n !== 'number') throw new ArgumentTypeError(`arange: start, end and step must be numbers, got ${describeArg(n)}`);
  }
  const v = nums as number[];
  if (v.length === 1) return [0, v[0], 1, options];
  return [v[0], v[1], v[2] ?? 1, options];
}

/**
 * The values `start, start + step, ...` up to but excluding `end` (PyTorch's `torch.arange`):
 * `arange(end)`, `arange(start, end)` or `arange(start, end, step)`, with options last. Values
 * are computed in double precision as `start + i * step` and stored as float32 unless `dtype`
 * says otherwise (JavaScript cannot tell `5` from `5.0`, so pass `{ dtype: 'int64' }` for indices).
 *
 * @param options `dtype` (@default 'float32'), `requiresGrad` (@default false).
 * @example
 * ```ts
 * dl.arange(4).tolist(); // [0, 1, 2, 3]
 * dl.arange(1, 2.5, 0.5).tolist(); // [1, 1.5, 2]
 * dl.arange(5, { dtype: 'int64' }).dtype; // 'int32'
 * ```
 */
export function arange(end: number, options?: CreationOptions): Tensor;
export function arange(start: number, end: number, options?: CreationOptions): Tensor;
export function arange(start: number, end: number, step: number, options?: CreationOptions): Tensor;
export function arange(...args: unknown[]): Tensor {
  const [start, end, step, options] = parse(args);
  if (!Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(step)) {
    throw new ValueError(`arange: unsupported range: ${start} -> ${end} (step ${step}); bounds and step must be finite`);
  }
  if (step === 0) throw new ValueError('arange: step must be nonzero');
  if ((step > 0 && start > end) || (step < 0 && start < end)) {
    throw new ValueError(`arange: upper bound and larger bound inconsistent with step sign (start ${start}, end ${end}, step ${step})`);
  }
  const dtype = resolveDType(options, 'float32', 'arange');
  const n = Math.ceil((end - start) / step);
  if (n > 2 ** 31 - 1) throw new ValueError(`arange: the range ${start} -> ${end} with step ${step} has ${n} elements, more than a tensor can hold`);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return finish(hostTensor(values, [n], dtype, 'arange'), options);
}
