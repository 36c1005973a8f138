// Raw tfjs building blocks shared by several ops of this folder (not part of the public API).
import { tf, type TfTensor } from '../../backend/tfjs';

/** @internal `log(1 + e^x)` computed without overflow: `max(x, 0) + log1p(e^-|x|)`. */
export function rawSoftplus(x: TfTensor): TfTensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

/** @internal Rounds toward zero (tfjs has no Trunc kernel). */
export function rawTrunc(x: TfTensor): TfTensor {
  return tf.where(tf.less(x, 0), tf.ceil(x), tf.floor(x));
}
