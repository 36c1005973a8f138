// One place for the argument checks every public op runs first. Each check is a `typeof` or an
// `instanceof` on the success path (no allocation); messages are built only when they throw.
import { ArgumentTypeError } from '../errors/argument-type-error';
import { ValueError } from '../errors/value-error';
import { describeArg } from '../tensor/describe-arg';
import { Tensor } from '../tensor/tensor';

export { describeArg };

/**
 * @internal Throws an ArgumentTypeError naming the op, the argument and the value unless `x` is
 * a Tensor: `matmul: expected other to be a Tensor, got string 'hello'`.
 */
export function assertTensor(x: unknown, op: string, what = 'input'): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw notTensor(x, op, what, 'a Tensor');
}

/** @internal `assertTensor` for an optional argument: `undefined` and `null` pass. */
export function assertOptionalTensor(x: unknown, op: string, what: string): asserts x is Tensor | null | undefined {
  if (x !== undefined && x !== null && !(x instanceof Tensor)) throw notTensor(x, op, what, 'a Tensor, null or undefined');
}

/**
 * @internal Throws unless `x` is an operand of an elementwise op: a Tensor, a number or a
 * boolean. JavaScript arrays are refused (as PyTorch refuses lists for tensor ops), with a hint
 * to wrap them in `dl.tensor()`.
 */
export function assertOperand(x: unknown, op: string, what: string): void {
  if (!(x instanceof Tensor) && typeof x !== 'number' && typeof x !== 'boolean') {
    throw notTensor(x, op, what, 'a Tensor, a number or a boolean');
  }
}

/** @internal Throws unless `xs` is a non-empty array of Tensors (cat, stack, ...). */
export function assertTensorList(xs: unknown, op: string, what = 'tensors'): asserts xs is readonly Tensor[] {
  if (!Array.isArray(xs)) throw new ArgumentTypeError(`${op}: expected ${what} to be an array of Tensors, got ${describeArg(xs)}`);
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i] instanceof Tensor)) throw notTensor(xs[i], op, `${what}[${i}]`, 'a Tensor');
  }
}

/**
 * @internal Throws unless `x` is an integer: an ArgumentTypeError for non-numbers, a
 * ValueError for fractional or non-finite numbers (and, with `min`, for smaller ones).
 */
export function assertInt(x: unknown, op: string, what: string, min?: number): asserts x is number {
  if (typeof x !== 'number') throw new ArgumentTypeError(`${op}: expected ${what} to be an integer, got ${describeArg(x)}`);
  if (!Number.isInteger(x)) throw new ValueError(`${op}: expected ${what} to be an integer, got ${x}`);
  if (min !== undefined && x < min) throw new ValueError(`${op}: expected ${what} to be an integer >= ${min}, got ${x}`);
}

/** @internal Throws an ArgumentTypeError unless `x` is a number (NaN and infinities pass). */
export function assertNumber(x: unknown, op: string, what: string): asserts x is number {
  if (typeof x !== 'number') throw new ArgumentTypeError(`${op}: expected ${what} to be a number, got ${describeArg(x)}`);
}

/**
 * @internal Throws an ArgumentTypeError unless `x` is an array of numbers (a shape, a list of
 * dims, sizes); whether each number is valid is the op's own check.
 */
export function assertNumberList(x: unknown, op: string, what: string): asserts x is readonly number[] {
  if (!Array.isArray(x)) throw new ArgumentTypeError(`${op}: expected ${what} to be an array of integers, got ${describeArg(x)}`);
  for (let i = 0; i < x.length; i++) {
    if (typeof x[i] !== 'number') throw new ArgumentTypeError(`${op}: expected ${what} to be an array of integers, got ${describeArg(x[i])} at position ${i} of ${describeArg(x)}`);
  }
}

function notTensor(x: unknown, op: string, what: string, expected: string): ArgumentTypeError {
  const hint = Array.isArray(x) ? ' (wrap arrays with dl.tensor())' : '';
  return new ArgumentTypeError(`${op}: expected ${what} to be ${expected}, got ${describeArg(x)}${hint}`);
}

/**
 * @internal A dim or a list of dims as a list (`1` → `[1]`), with an ArgumentTypeError for
 * anything else; each dim's range is checked by `Tensor._normDim`.
 */
export function dimList(x: unknown, op: string, what = 'dims'): readonly number[] {
  if (typeof x === 'number') return [x];
  if (!Array.isArray(x)) throw new ArgumentTypeError(`${op}: expected ${what} to be an integer or an array of integers, got ${describeArg(x)}`);
  assertNumberList(x, op, what);
  return x;
}

/**
 * @internal Throws an ArgumentTypeError unless `x` is an options object (or undefined), so a
 * misplaced positional argument (`sort(x, 0)` for `sort(x, { dim: 0 })`) is not silently ignored.
 */
export function assertOptions(x: unknown, op: string, example?: string): void {
  if (x !== undefined && (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Tensor)) {
    throw new ArgumentTypeError(`${op}: expected options to be an object${example ? ` such as ${example}` : ''}, got ${describeArg(x)}`);
  }
}

/** @internal Throws an ArgumentTypeError unless `x` is iterable (an array, a Set, a generator...). */
export function assertIterable(x: unknown, op: string, what: string): asserts x is Iterable<unknown> {
  if (x === null || x === undefined || typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' || typeof x === 'string') {
    throw new ArgumentTypeError(`${op}: expected ${what} to be an iterable such as an array, got ${describeArg(x)}`);
  }
}
