import { tf } from '../../backend/tfjs';
import { ValueError } from '../../errors/value-error';
import { defaultGenerator } from '../../random/generator';
import type { Tensor } from '../../tensor/tensor';
import { checkTarget, type InitOptions } from './write-values';

/** Options of `orthogonal_`. */
export interface OrthogonalInitOptions extends InitOptions {
  /** Scaling factor. @default 1 */
  gain?: number;
}

/**
 * Fills `tensor` in place with a (semi-)orthogonal matrix (PyTorch's `nn.init.orthogonal_`,
 * Saxe et al. 2013): the Q of a QR decomposition of a normal matrix, with signs fixed so the
 * result is uniformly distributed. Dims after the first are flattened. Returns `tensor`.
 *
 * @example
 * ```ts
 * nn.init.orthogonal_(rnn.weight_hh_l0);
 * ```
 */
export function orthogonal_(tensor: Tensor, options: OrthogonalInitOptions = {}): Tensor {
  checkTarget(tensor, 'orthogonal_');
  const shape = tensor.shape;
  if (shape.length < 2) throw new ValueError(`orthogonal_: Only tensors with 2 or more dimensions are supported (got shape [${shape.join(', ')}])`);
  if (tensor.numel() === 0) return tensor;
  const rows = shape[0];
  const cols = tensor.numel() / rows;
  const gain = options.gain ?? 1;
  const gen = options.generator ?? defaultGenerator;
  const flat = gen.fillNormal(new Float32Array(rows * cols), 0, 1);
  const value = tf.tidy(() => {
    let m = tf.tensor2d(flat, [rows, cols]);
    if (rows < cols) m = tf.transpose(m);
    const [q, r] = tf.linalg.qr(m);
    // Multiply each column of Q by the sign of R's diagonal: makes the decomposition unique.
    const n = Math.min(q.shape[1] as number, r.shape[0] as number);
    const diag = tf.sum(tf.mul(tf.slice(r, [0, 0], [n, n]), tf.eye(n)), 0);
    let out = tf.mul(q, tf.sign(diag));
    if (rows < cols) out = tf.transpose(out);
    return tf.keep(tf.reshape(tf.mul(out, gain), shape));
  });
  tensor._replaceValue(value);
  return tensor;
}
