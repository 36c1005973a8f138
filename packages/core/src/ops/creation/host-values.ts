import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';
import type { TfTensor } from '../../backend/tfjs';
import { HOST_MAX_ELEMENTS, type HostArray } from '../../tensor/host-value';
import { Tensor } from '../../tensor/tensor';

/**
 * @internal Values computed on the host as the typed array of `dtype` (the same array when it
 * already is one). Int dtypes truncate and refuse values int32 cannot hold (a ValueError naming
 * `op`); bool is `v != 0`.
 */
function toHostArray(values: Float32Array | Float64Array | Int32Array, dtype: DType, op: string): HostArray {
  if (dtype === 'float32') return values instanceof Float32Array ? values : Float32Array.from(values);
  if (dtype === 'int32') return values instanceof Int32Array ? values : Int32Array.from(values, (v) => toInt32(v, op));
  return Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
}

/**
 * @internal A tfjs tensor from values computed on the host (sequences and random numbers are
 * produced in JavaScript so they match PyTorch's CPU results bit for bit).
 */
export function fromHost(values: Float32Array | Float64Array | Int32Array, shape: number[], dtype: DType, op = 'tensor'): TfTensor {
  return tf.tensor(toHostArray(values, dtype, op), shape, dtype);
}

/**
 * @internal A tensor from values computed on the host: kept on the JavaScript heap when small
 * (a host tensor, see `tensor/host-value.ts`), otherwise moved to the backend now.
 */
export function hostTensor(values: Float32Array | Float64Array | Int32Array, shape: number[], dtype: DType, op = 'tensor'): Tensor {
  if (values.length > HOST_MAX_ELEMENTS) return Tensor._owned(fromHost(values, shape, dtype, op));
  return Tensor._fromHost(toHostArray(values, dtype, op), shape, dtype);
}
