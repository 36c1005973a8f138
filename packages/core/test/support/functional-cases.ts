// Test helpers for the functional and loss parity tests: PyTorch cases written by
// test/fixtures/generators/gen_torch_functional_losses.py (test/fixtures/functional/torch-functional.json
// and test/fixtures/loss/torch-losses.json), a runner checking forward and backward, seeded data.
import { expect } from 'vitest';
import { tf } from '../../src/backend/tfjs';
import { Generator } from '../../src/random/generator';
import { Tensor } from '../../src/tensor/tensor';
import { readFixtureJson } from './fixtures';
import { expectClose, refTensor, type RefArray, type RefFixture } from './reference';

/** The cases of `torch-functional.json` or `torch-losses.json`. */
export function loadCases(file: 'functional' | 'losses'): Record<string, RefFixture> {
  const parsed = file === 'functional' ? readFixtureJson<{ cases: Record<string, RefFixture> }>('functional', 'torch-functional.json') : readFixtureJson<{ cases: Record<string, RefFixture> }>('loss', 'torch-losses.json');
  // Non-finite values are stored as the strings "NaN", "Infinity", "-Infinity".
  for (const c of Object.values(parsed.cases)) {
    for (const a of [...Object.values(c.inputs), ...Object.values(c.expected)]) a.data = a.data.map((v) => (typeof v === 'string' ? Number(v) : v));
  }
  return parsed.cases;
}

/**
 * Like `expectClose`, but a NaN expected value must be NaN too (or, with `skipNaN`, is not
 * checked: for PyTorch gradients that are NaN only as an artifact of its autograd).
 */
export function expectCloseNaN(actual: Tensor, expected: RefArray, rtol: number, atol: number, what: string, skipNaN = false): void {
  const exp = expected.data.map(Number);
  if (!exp.some(Number.isNaN)) {
    expectClose(actual, expected, rtol, atol, what);
    return;
  }
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  const act = Array.from(actual.dataSync());
  const keep = exp.map((v) => !Number.isNaN(v));
  if (!skipNaN) exp.forEach((v, i) => Number.isNaN(v) && expect(Number.isNaN(act[i]), `${what}: element ${i} should be NaN`).toBe(true));
  expectClose(act.filter((_, i) => keep[i]), exp.filter((_, i) => keep[i]), rtol, atol, what);
}

/**
 * Runs `run` on the case's inputs (float inputs with an expected gradient require grad), checks
 * `expected.y`, then backward (of the scalar, or of `sum(y * grad_output)`) and every
 * `expected['grad.<name>']`. Returns the input tensors for further checks.
 */
export function checkCase(
  c: RefFixture,
  run: (t: Record<string, Tensor>) => Tensor,
  rtol = 1e-4,
  atol = 1e-5,
  skipNaN: string[] = [],
): Record<string, Tensor> {
  const t: Record<string, Tensor> = {};
  for (const [k, a] of Object.entries(c.inputs)) {
    if (k === 'grad_output') continue;
    t[k] = refTensor(a, { requiresGrad: a.dtype === 'float32' && `grad.${k}` in c.expected });
  }
  const y = run(t);
  expectCloseNaN(y, c.expected.y, rtol, atol, 'y', skipNaN.includes('y'));
  const gradKeys = Object.keys(c.expected).filter((k) => k.startsWith('grad.'));
  if (gradKeys.length > 0) {
    if (c.inputs.grad_output) y.backward(refTensor(c.inputs.grad_output));
    else y.backward();
    for (const k of gradKeys) {
      const g = t[k.slice(5)].grad;
      expect(g, `${k} was not computed`).not.toBeNull();
      expectCloseNaN(g!, c.expected[k], rtol, atol, k, skipNaN.includes(k));
    }
  }
  return t;
}

/** A float32 tensor of seeded standard normal samples. */
export function randn(shape: number[], seed: number, options: { requiresGrad?: boolean; scale?: number; shift?: number } = {}): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Generator(seed).fillNormal(new Float32Array(n), options.shift ?? 0, options.scale ?? 1);
  const t = Tensor._owned(tf.tensor(data, shape, 'float32'));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}

/** A float32 tensor of seeded uniform samples in [low, high). */
export function rand(shape: number[], seed: number, low = 0, high = 1, options: { requiresGrad?: boolean } = {}): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Generator(seed).fillUniform(new Float32Array(n), low, high);
  const t = Tensor._owned(tf.tensor(data, shape, 'float32'));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}

/** A tensor from flat values and a shape. */
export function fromFlat(data: number[], shape: number[], dtype: 'float32' | 'int32' = 'float32', options: { requiresGrad?: boolean } = {}): Tensor {
  const t = Tensor._owned(tf.tensor(dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data), shape, dtype));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}
