import { tf, type TfTensor } from '../../backend/tfjs';

/**
 * @internal Orders values along the last axis: `k` first entries of the descending order of an
 * order-preserving key (ascending order uses an order-reversing key), ties by lower index; NaN
 * counts as larger than every number, as in PyTorch.
 */
export function topkLast(v: TfTensor, k: number, largest: boolean, sorted: boolean): TfTensor {
  return tf.tidy(() => {
    let key = v.dtype === 'bool' ? tf.cast(v, 'int32') : v;
    if (key.dtype === 'float32') key = tf.where(tf.isNaN(key), tf.fill(key.shape, Infinity), key);
    // ~x reverses int32 order without the overflow -x has at -2^31.
    if (!largest) key = key.dtype === 'int32' ? tf.sub(tf.neg(key), tf.scalar(1, 'int32')) : tf.neg(key);
    return tf.topk(key, k, sorted).indices;
  });
}
