import { ArgumentTypeError } from '../../errors/argument-type-error';
import { DTypeError } from '../../errors/dtype-error';
import { describeArg } from '../../tensor/describe-arg';
import { ValueError } from '../../errors/value-error';
import type { Generator } from '../../random/generator';
import { normalizeDType, type DType } from '../../tensor/dtype';
import { Tensor } from '../../tensor/tensor';
import type { TensorOptions } from './tensor';

/** A dtype name @dl understands (PyTorch's names included: `'int64'`, `'long'`, `'float'`, ...). */
export type DTypeLike = NonNullable<TensorOptions['dtype']>;

/** A tensor size: an array of dimension sizes, or one number for a 1-D size. */
export type Size = readonly number[] | number;

/** Options of the creation functions (`zeros`, `arange`, `eye`, ...). */
export interface CreationOptions {
  /** Element type. @default 'float32' (for `*Like`: the input's dtype) */
  dtype?: DTypeLike;
  /** Record operations on the result for autograd (float dtypes only). @default false */
  requiresGrad?: boolean;
}

/** Options of the random creation functions (`rand`, `randn`, `randint`, ...). */
export interface RandomOptions extends CreationOptions {
  /** Source of randomness. @default the default generator (seeded by `manualSeed`) */
  generator?: Generator;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Tensor) && !ArrayBuffer.isView(x);
}

/** @internal Checks a size: non-negative integers, with an error naming the op. */
export function checkSize(size: unknown, op: string): number[] {
  const dims = typeof size === 'number' ? [size] : size;
  if (!Array.isArray(dims)) throw new ArgumentTypeError(`${op}: size must be an array of non-negative integers, got ${describeArg(size)}`);
  for (let i = 0; i < dims.length; i++) {
    const d: unknown = dims[i];
    if (typeof d !== 'number') {
      throw new ArgumentTypeError(`${op}: size must be an array of non-negative integers, got [${dims.join(', ')}] (${describeArg(d)} at position ${i})`);
    }
    if (!Number.isInteger(d)) throw new ArgumentTypeError(`${op}: size must be an array of non-negative integers, got [${dims.join(', ')}]`);
    if (d < 0) throw new ValueError(`${op}: trying to create tensor with negative dimension ${d}: [${dims.join(', ')}]`);
  }
  return dims.slice();
}

/**
 * @internal Splits `(size, options?)` or `(...dims, options?)` arguments, as PyTorch accepts
 * both `zeros((2, 3))` and `zeros(2, 3)`.
 */
export function sizeAndOptions<O extends object>(args: readonly unknown[], op: string): [number[], O] {
  let options = {} as O;
  let rest = args;
  if (args.length > 0 && isPlainObject(args[args.length - 1])) {
    options = args[args.length - 1] as O;
    rest = args.slice(0, -1);
  }
  if (rest.length === 1 && Array.isArray(rest[0])) return [checkSize(rest[0], op), options];
  return [checkSize(rest, op), options];
}

/** @internal The dtype to create: `options.dtype` normalized, else `fallback`. */
export function resolveDType(options: CreationOptions, fallback: DType, op: string): DType {
  return options.dtype == null ? fallback : normalizeDType(options.dtype, op);
}

/** @internal Refuses non-float dtypes for ops whose values are fractional random numbers. */
export function requireFloat(dtype: DType, op: string): void {
  if (dtype !== 'float32') throw new DTypeError(`${op}: expected a floating point dtype, got ${dtype}`);
}

/** @internal Applies `requiresGrad` (which refuses non-float dtypes with a DTypeError). */
export function finish(t: Tensor, options: CreationOptions): Tensor {
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}

/** @internal The product of the dims. */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
