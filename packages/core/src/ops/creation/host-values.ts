import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';
import type { TfTensor } from '../../backend/tfjs';
import { HOST_MAX_ELEMENTS, type HostArray } from '../../tensor/host-value';
import { Tensor } from '../../tensor/tensor';

/**
 * @internal A tfjs tensor from values computed on the host (sequences and random numbers are
 * produced in JavaScript so they match PyTorch's CPU results bit for bit). Int dtypes truncate
 * and refuse values int32 cannot hold (a ValueError naming `op`); bool is `v != 0`.
 */
export function fromHost(values: Float32Array | Float64Array | Int32Array, shape: number[], dtype: DType, op = 'tensor'): TfTensor {
  if (dtype === 'float32') return tf.tensor(values instanceof Float32Array ? values : Float32Array.from(values), shape, 'float32');
  if (dtype === 'int32') return tf.tensor(values instanceof Int32Array ? values : Int32Array.from(values, (v) => toInt32(v, op)), shape, 'int32');
  return tf.tensor(Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0)), shape, 'bool');
}

/**
 * @internal A tensor from values computed on the host: kept on the JavaScript heap when small
 * (a host tensor, see `tensor/host-value.ts`), otherwise moved to the backend now.
 */
export function hostTensor(values: Float32Array | Float64Array | Int32Array, shape: number[], dtype: DType, op = 'tensor'): Tensor {
  if (values.length > HOST_MAX_ELEMENTS) return Tensor._owned(fromHost(values, shape, dtype, op));
  let data: HostArray;
  if (dtype === 'float32') data = values instanceof Float32Array ? values : Float32Array.from(values);
  else if (dtype === 'int32') data = values instanceof Int32Array ? values : Int32Array.from(values, (v) => toInt32(v, op));
  else data = Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
  return Tensor._fromHost(data, shape, dtype);
}
