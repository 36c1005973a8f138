import { ArgumentTypeError, DTypeError, ShapeError, Tensor, ValueError } from '@dl/core';

/** @internal How a value prints in an error message. */
export function describe(v: unknown): string {
  if (v instanceof Tensor) return `a Tensor of shape [${v.shape.join(', ')}]`;
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'an object';
  return String(v);
}

/** @internal A shape as error messages print it. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** @internal Throws ArgumentTypeError unless `x` is a Tensor. */
export function checkTensor(x: unknown, op: string, name = 'input'): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new ArgumentTypeError(`${op}: expected ${name} to be a Tensor, got ${describe(x)}`);
}

/** @internal Throws unless `x` is a float32 Tensor of rank at least `minRank`. */
export function checkFloatTensor(x: unknown, op: string, name: string, minRank: number, layout: string): asserts x is Tensor {
  checkTensor(x, op, name);
  if (x.dtype !== 'float32') throw new DTypeError(`${op}: expected ${name} to be a float32 tensor, got dtype ${x.dtype}`);
  if (x.ndim < minRank) throw new ShapeError(`${op}: expected ${name} of shape ${layout} (at least ${minRank} dimension${minRank === 1 ? '' : 's'}), got shape ${fmtShape(x.shape)}`);
}

/** @internal Throws unless `x` is a complex spectrogram in the `[..., freq, time, 2]` layout. */
export function checkComplexTensor(x: unknown, op: string, name: string): asserts x is Tensor {
  checkTensor(x, op, name);
  if (x.dtype !== 'float32') throw new DTypeError(`${op}: expected ${name} to be a float32 tensor, got dtype ${x.dtype}`);
  if (x.ndim < 3 || x.shape[x.ndim - 1] !== 2) {
    throw new ShapeError(`${op}: expected ${name} to be complex, as a tensor of shape [..., freq, time, 2] (real and imaginary parts last, as spectrogram(power: null) returns), got shape ${fmtShape(x.shape)}`);
  }
}

/** @internal Throws unless `v` is a number. */
export function checkNumber(v: unknown, op: string, name: string): asserts v is number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new ArgumentTypeError(`${op}: expected ${name} to be a number, got ${describe(v)}`);
}

/** @internal Throws unless `v` is an integer at least `min`. */
export function checkInt(v: unknown, op: string, name: string, min: number): asserts v is number {
  checkNumber(v, op, name);
  if (!Number.isInteger(v)) throw new ValueError(`${op}: expected ${name} to be an integer, got ${v}`);
  if (v < min) throw new ValueError(`${op}: expected ${name} to be ${min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer >= ${min}`}, got ${v}`);
}

/** @internal Throws unless `v` is one of `choices`. */
export function checkChoice<T extends string>(v: unknown, choices: readonly T[], op: string, name: string): asserts v is T {
  if (!choices.includes(v as T)) throw new ValueError(`${op}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describe(v)}`);
}
