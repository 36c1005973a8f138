import { tf } from '../../backend/tfjs';
import type { DType } from '../../tensor/dtype';
import { toInt32 } from '../../tensor/int32';

/** @internal A raw tfjs tensor of `shape` filled with `value` in `dtype`. */
export function rawFull(shape: number[], value: number | boolean, dtype: DType, op = 'full') {
  const v = Number(value);
  if (dtype === 'bool') return tf.notEqual(tf.fill(shape, v, 'float32'), tf.scalar(0));
  return tf.fill(shape, dtype === 'int32' ? toInt32(v, op) : v, dtype);
}
