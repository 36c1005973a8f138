import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';
import type { TfTensor } from '../../backend/tfjs';

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
