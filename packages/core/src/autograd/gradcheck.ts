import { tf } from '../backend/tfjs';
import { AutogradError } from '../errors/autograd-error';
import { Generator } from '../random/generator';
import { Tensor } from '../tensor/tensor';
import { runBackward } from './backward';
import { noGrad } from './grad-mode';

/** Options of `gradcheck`. */
export interface GradcheckOptions {
  /** Finite-difference step. @default 1e-3 */
  eps?: number;
  /** Absolute tolerance. @default 1e-3 */
  atol?: number;
  /** Relative tolerance. @default 1e-2 */
  rtol?: number;
  /** Random projections of the output to check (each covers the whole Jacobian). @default 2 */
  projections?: number;
  /** Throw a `GradcheckError`-style `AutogradError` on failure instead of returning false. @default true */
  raiseException?: boolean;
  /** Seed of the projection vectors. @default 0 */
  seed?: number;
}

function projection(out: Float32Array | Int32Array | Uint8Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i] * v[i];
  return s;
}

/**
 * Checks an op's analytical gradients against central finite differences, for every input that
 * requires grad (PyTorch's `torch.autograd.gradcheck`, in its fast mode: the Jacobian is checked
 * through random projections `vᵀJ`). TensorFlow.js computes in float32, so the sums are taken in
 * float64 in JavaScript and the default tolerances are float32's.
 *
 * @example
 * ```ts
 * const x = dl.randn([3, 4], { requiresGrad: true });
 * dl.gradcheck((a) => a.tanh(), [x]); // true
 * ```
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], options: GradcheckOptions = {}): boolean {
  const eps = options.eps ?? 1e-3;
  const atol = options.atol ?? 1e-3;
  const rtol = options.rtol ?? 1e-2;
  const raise = options.raiseException ?? true;
  const gen = new Generator(options.seed ?? 0);
  const probe = fn(...inputs);
  if (probe.dtype !== 'float32') throw new AutogradError('gradcheck: the function must return a float32 tensor');
  const n = probe.numel();
  for (let p = 0; p < (options.projections ?? 2); p++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = gen.nextDouble() * 2 - 1;
    const vT = Tensor._owned(tf.tensor(Float32Array.from(v), probe.shape, 'float32'));
    const checked = inputs.filter((t) => t.requiresGrad);
    const out = fn(...inputs);
    const analytical = out.requiresGrad ? runBackward([out], [vT], false, checked) : checked.map(() => null);
    for (let k = 0; k < checked.length; k++) {
      const x = checked[k];
      const base = x._value;
      const data = Float32Array.from(base.dataSync() as Float32Array);
      const ana = analytical[k] ? (analytical[k]!.dataSync() as Float32Array) : new Float32Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const orig = data[i];
        const evalAt = (value: number) => {
          data[i] = value;
          const moved = tf.tensor(data, base.shape, 'float32');
          x._value = moved;
          try {
            return noGrad(() => projection(fn(...inputs).dataSync(), v));
          } finally {
            x._value = base;
            moved.dispose();
          }
        };
        const num = (evalAt(orig + eps) - evalAt(orig - eps)) / (2 * eps);
        data[i] = orig;
        const diff = Math.abs(num - ana[i]);
        if (diff > atol + rtol * Math.abs(num)) {
          if (!raise) return false;
          throw new AutogradError(
            `gradcheck: Jacobian mismatch for input ${inputs.indexOf(x)} at flat index ${i}: numerical ${num.toPrecision(6)}, analytical ${ana[i].toPrecision(6)} (projection ${p})`,
          );
        }
      }
      analytical[k]?.dispose();
    }
  }
  return true;
}
