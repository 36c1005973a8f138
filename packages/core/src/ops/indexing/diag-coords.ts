import { tf } from '../../backend/tfjs';

/** @internal Coordinates `[L, 2]` of diagonal `k` of an `r x c` matrix. */
export function diagCoords(r: number, c: number, k: number): { coords: ReturnType<typeof tf.zeros>; length: number } {
  const row0 = Math.max(-k, 0);
  const col0 = Math.max(k, 0);
  const length = Math.max(0, Math.min(r - row0, c - col0));
  const coords = tf.tidy(() => {
    if (length === 0) return tf.zeros([0, 2], 'int32');
    const i = tf.range(0, length, 1, 'int32');
    return tf.stack([tf.add(i, tf.scalar(row0, 'int32')), tf.add(i, tf.scalar(col0, 'int32'))], 1);
  });
  return { coords, length };
}
