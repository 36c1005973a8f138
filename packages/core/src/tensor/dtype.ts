import { DTypeError } from '../errors/dtype-error';

/** Element types. PyTorch's `int64` maps to `int32` (what TensorFlow.js computes in). */
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

/** Maps PyTorch / NumPy dtype names to @dl's. */
export function normalizeDType(name: string, op = 'tensor'): DType {
  switch (name) {
    case 'float32':
    case 'float':
    case 'float64':
    case 'double':
    case 'float16':
    case 'half':
      return 'float32';
    case 'int32':
    case 'int':
    case 'int64':
    case 'long':
    case 'int16':
    case 'int8':
    case 'uint8':
      return 'int32';
    case 'bool':
      return 'bool';
    default:
      throw new DTypeError(`${op}: unknown dtype '${name}' (expected float32, int32 or bool)`);
  }
}
