// PyTorch outputs for the convolution, pooling, linear and resampling ops, made by
// test/fixtures/generators/functional_conv_pool.py, and a checker for forward + backward parity.
import { expect } from 'vitest';
import { Tensor } from '../../src/index';
import { readFixtureJson } from './fixtures';
import { expectClose, refTensor, type RefFixture } from './reference';

let cache: Record<string, RefFixture> | null = null;

/** One case of `test/fixtures/functional/functional-conv-pool.json`. */
export function functionalCase(name: string): RefFixture {
  if (!cache) {
    cache = readFixtureJson<{ cases: Record<string, RefFixture> }>('functional', 'functional-conv-pool.json').cases;
  }
  const c = cache[name];
  if (!c) throw new Error(`no functional fixture named ${name}`);
  return c;
}

/**
 * Runs `fn` on the case's inputs (float ones require grad), checks `y` (and `indices` when the
 * op returns a pair), backpropagates `grad_output` and checks every `grad_<input>`.
 */
export function checkFunctionalCase(name: string, fn: (inputs: Record<string, Tensor>) => Tensor | [Tensor, Tensor]): void {
  const c = functionalCase(name);
  const inputs: Record<string, Tensor> = {};
  for (const [k, a] of Object.entries(c.inputs)) {
    if (k === 'grad_output') continue;
    inputs[k] = refTensor(a, { requiresGrad: a.dtype === 'float32' });
  }
  const out = fn(inputs);
  const y = Array.isArray(out) ? out[0] : out;
  expectClose(y, c.expected.y, 1e-4, 1e-5, `${name}: y`);
  if (Array.isArray(out)) {
    expect(out[1].dtype).toBe('int32');
    expect(Array.from(out[1].dataSync()), `${name}: indices`).toEqual(c.expected.indices.data);
  }
  y.backward(refTensor(c.inputs.grad_output));
  for (const k of Object.keys(inputs)) {
    const exp = c.expected[`grad_${k}`];
    if (!exp) continue;
    expect(inputs[k].grad, `${name}: grad of ${k}`).not.toBeNull();
    expectClose(inputs[k].grad!, exp, 1e-4, 1e-5, `${name}: grad_${k}`);
  }
}

/** A deterministic uniform(-scale, scale) float32 tensor (independent of the ops under test). */
export function uniform(shape: number[], seed: number, requiresGrad = true, scale = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    data[i] = ((s / 4294967296) * 2 - 1) * scale;
  }
  const t = refTensor({ shape, dtype: 'float32', data: Array.from(data) });
  if (requiresGrad) t.requiresGrad_(true);
  return t;
}

/**
 * A float32 tensor of distinct values at least `1 / n` apart (a shuffled grid over [-1, 1]), for
 * gradchecks of max-like ops, where finite differences must not cross a tie.
 */
export function distinct(shape: number[], seed: number, requiresGrad = true): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const order = Array.from(uniform([n], seed, false).dataSync()).map((v, i) => [v, i] as const);
  order.sort((a, b) => a[0] - b[0]);
  const data = new Array<number>(n);
  order.forEach(([, i], rank) => (data[i] = n === 1 ? 0 : -1 + (2 * rank) / (n - 1)));
  const t = refTensor({ shape, dtype: 'float32', data });
  if (requiresGrad) t.requiresGrad_(true);
  return t;
}
