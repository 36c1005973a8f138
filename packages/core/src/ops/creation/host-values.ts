import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import type { TfTensor } from '../../backend/tfjs';

/**
 * @internal A tfjs tensor from values computed on the host (sequences and random numbers are
 * produced in JavaScript so they match PyTorch's CPU results bit for bit). Int dtypes truncate;
 * bool is `v != 0`.
 */
export function fromHost(values: Float32Array | Float64Array | Int32Array, shape: number[], dtype: DType): TfTensor {
  if (dtype === 'float32') return tf.tensor(values instanceof Float32Array ? values : Float32Array.from(values), shape, 'float32');
  if (dtype === 'int32') return tf.tensor(values instanceof Int32Array ? values : Int32Array.from(values, (v) => Math.trunc(v)), shape, 'int32');
  return tf.tensor(Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0)), shape, 'bool');
}
