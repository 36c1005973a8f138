// Test-only: deterministic float tensors for gradchecks, so these tests do not depend on the
// random creation ops (kept out of the public barrels).
import { tf } from '../../src/backend/tfjs';
import { Tensor } from '../../src/tensor/tensor';
import { tensor } from '../../src/ops/creation/tensor';

/** @internal Pseudo-random values in [-1, 1) from a fixed seed, with distinct magnitudes. */
export function testTensor(shape: readonly number[], options: { requiresGrad?: boolean; seed?: number } = {}): Tensor {
  let s = (options.seed ?? 1) * 2654435761;
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) | 0;
    values[i] = ((s >>> 0) / 2 ** 32) * 2 - 1;
  }
  const flat = tensor(values);
  const t = Tensor._owned(tf.reshape(flat._value, shape.slice()));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}
