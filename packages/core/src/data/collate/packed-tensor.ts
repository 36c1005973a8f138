import type { DType } from '../../tensor/dtype';

/** @internal Values laid out for a new tensor, in a buffer nobody else holds (safe to transfer). */
export interface PackedTensor {
  data: Float32Array | Int32Array | Uint8Array;
  shape: number[];
  dtype: DType;
}

/** @internal A fresh typed array of `dtype` with `n` elements. */
export function allocFor(dtype: DType, n: number): Float32Array | Int32Array | Uint8Array {
  return dtype === 'float32' ? new Float32Array(n) : dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n);
}
