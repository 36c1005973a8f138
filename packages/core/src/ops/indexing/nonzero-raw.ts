import { tf, type TfTensor } from '../../backend/tfjs';

/**
 * @internal The coordinates (int32 `[count, rank]`, row-major order) of the non-zero entries,
 * computed with kernels only (cumsum + scatter); the count is read back once, since the result's
 * shape depends on it (as in PyTorch).
 */
export function nonzeroRaw(mask: TfTensor): TfTensor {
  const shape = mask.shape;
  const rank = shape.length;
  const n = mask.size;
  const flat = tf.tidy(() => tf.reshape(tf.cast(tf.notEqual(mask, tf.scalar(0, mask.dtype === 'bool' ? 'bool' : mask.dtype)), 'int32'), [n]));
  const count = n === 0 ? 0 : (tf.tidy(() => tf.sum(flat).dataSync()[0]) as number);
  if (count === 0) {
    flat.dispose();
    return tf.zeros([0, rank], 'int32');
  }
  return tf.tidy(() => {
    // Each hit goes to its rank among hits; misses go to a spare slot that is cut off.
    const slot = tf.where(tf.equal(flat, 1), tf.cumsum(flat, 0, true), tf.fill([n], count, 'int32'));
    const pos = tf.range(0, n, 1, 'int32');
    const picked = tf.slice(tf.scatterND(tf.reshape(slot, [n, 1]), tf.mul(pos, flat), [count + 1]), [0], [count]);
    flat.dispose();
    if (rank === 0) return tf.zeros([count, 0], 'int32');
    const cols: TfTensor[] = [];
    let stride = 1;
    const strides = new Array<number>(rank);
    for (let d = rank - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape[d];
    }
    for (let d = 0; d < rank; d++) cols.push(tf.mod(tf.floorDiv(picked, tf.scalar(strides[d], 'int32')), tf.scalar(shape[d], 'int32')));
    return tf.stack(cols, 1);
  });
}
