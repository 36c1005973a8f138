import type { DType } from '../../tensor/dtype';

/**
 * @internal What collation needs from a tensor. A dataset module loaded in a worker may import a
 * different copy of @dl/core (CommonJS next to ESM), so tensors are recognised by shape, not class;
 * and a worker that only sees plain values must not load TensorFlow.js to find that out.
 */
export interface TensorView {
  readonly shape: number[];
  readonly dtype: DType;
  readonly requiresGrad: boolean;
  dataSync(): Float32Array | Int32Array | Uint8Array;
}

/** @internal Whether a value is a @dl Tensor (of this or another copy of @dl/core). */
export function isTensorLike(value: unknown): value is TensorView {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<TensorView>;
  // Reading `_value` could move a tensor held on the JavaScript heap to the backend: not asked here.
  return typeof v.dataSync === 'function' && typeof v.requiresGrad === 'boolean' && typeof v.dtype === 'string' && Array.isArray(v.shape);
}

/** Typed arrays, which collation treats as NumPy arrays (stacked into one tensor). */
export type TypedArray = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array;

/** @internal Whether a value is a typed array (not a DataView). */
export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** @internal The dtype a typed array becomes. */
export function typedArrayDType(a: TypedArray): DType {
  return a instanceof Float32Array || a instanceof Float64Array ? 'float32' : 'int32';
}
