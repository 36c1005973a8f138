import { ArgumentTypeError } from '../errors/argument-type-error';
import { DTypeError } from '../errors/dtype-error';
import { describeArg } from './describe-arg';

/**
 * Element types. PyTorch's `int64` maps to `int32` (what TensorFlow.js computes in); float64 and
 * the other PyTorch dtypes are refused (see {@link normalizeDType}).
 */
export type DType = 'float32' | 'int32' | 'bool';

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2 };

/**
 * The dtype PyTorch's type promotion gives for a binary op on two tensors of these dtypes.
 *
 * @example
 * ```ts
 * promoteTypes('int32', 'float32'); // 'float32'
 * ```
 */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Whether values of this dtype can carry gradients. */
export function isFloatingPoint(dtype: DType): boolean {
  return dtype === 'float32';
}

/**
 * Maps a dtype name to @dl's dtype, or throws. @dl computes in TensorFlow.js's three dtypes and
 * never changes a requested dtype silently:
 *
 * - `'float32'`, `'float'` → float32; `'int32'`, `'int'` → int32; `'bool'` → bool.
 * - `'int64'` and `'long'` (PyTorch's default integer and index dtype) → int32, the documented
 *   mapping: TensorFlow.js has no int64. Values outside the int32 range throw a ValueError when
 *   a tensor is made, instead of wrapping.
 * - `'float64'`/`'double'`, `'float16'`/`'half'`/`'bfloat16'`, `'int8'`, `'int16'`, `'uint8'`
 *   and the other PyTorch dtypes throw a {@link DTypeError}: TensorFlow.js has no such dtype, and
 *   float32 is the widest float. Ask for `'float32'` (or `'int32'`) explicitly.
 * - Anything else throws a DTypeError naming the accepted names; a non-string throws an
 *   {@link ArgumentTypeError}.
 *
 * @param op the op named in error messages.
 * @example
 * ```ts
 * normalizeDType('long'); // 'int32'
 * normalizeDType('float64'); // throws DTypeError: tensor: dtype 'float64' is not supported ...
 * ```
 */
export function normalizeDType(name: string, op = 'tensor'): DType {
  switch (name) {
    case 'float32':
    case 'float':
      return 'float32';
    case 'int32':
    case 'int':
    case 'int64':
    case 'long':
      return 'int32';
    case 'bool':
      return 'bool';
    default:
      throw badDType(name, op);
  }
}

function badDType(name: unknown, op: string): Error {
  if (typeof name !== 'string') {
    return new ArgumentTypeError(`${op}: expected dtype to be a dtype name such as 'float32', 'int64' or 'bool', got ${describeArg(name)}`);
  }
  switch (name) {
    case 'float64':
    case 'double':
      return new DTypeError(`${op}: dtype '${name}' is not supported: TensorFlow.js has no float64, and float32 is the widest float dtype (use 'float32')`);
    case 'float16':
    case 'half':
    case 'bfloat16':
      return new DTypeError(`${op}: dtype '${name}' is not supported: TensorFlow.js computes floats in float32 only (use 'float32')`);
    case 'int8':
    case 'int16':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'short':
      return new DTypeError(`${op}: dtype '${name}' is not supported: TensorFlow.js computes integers in int32 only (use 'int32', or 'int64', which @dl stores as int32)`);
    default:
      return new DTypeError(`${op}: unknown dtype '${name}' (expected 'float32' or 'float', 'int32' or 'int', 'int64' or 'long' (stored as int32), or 'bool')`);
  }
}
