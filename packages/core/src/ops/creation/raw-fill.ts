import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';
import { HOST_MAX_ELEMENTS, hostArray } from '../../tensor/host-value';
import { Tensor } from '../../tensor/tensor';

/** @internal A raw tfjs tensor of `shape` filled with `value` in `dtype`. */
export function rawFull(shape: number[], value: number | boolean, dtype: DType, op = 'full') {
  const v = Number(value);
  if (dtype === 'bool') return tf.notEqual(tf.fill(shape, v, 'float32'), tf.scalar(0));
  return tf.fill(shape, dtype === 'int32' ? toInt32(v, op) : v, dtype);
}

/**
 * @internal A tensor of `shape` filled with `value`: a host tensor when small (see
 * `tensor/host-value.ts`), a backend fill otherwise.
 */
export function filledTensor(shape: number[], value: number | boolean, dtype: DType, op = 'full'): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  if (n > HOST_MAX_ELEMENTS) return Tensor._owned(tf.tidy(() => rawFull(shape, value, dtype, op)));
  const v = Number(value);
  const data = hostArray(dtype, n);
  if (v !== 0) data.fill(dtype === 'bool' ? 1 : dtype === 'int32' ? toInt32(v, op) : v);
  return Tensor._fromHost(data, shape, dtype);
}
