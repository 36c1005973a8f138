// The tfjs the package's tests run on (its own devDependencies, not @dl/core), with the native
// backend registered beside the cpu one, and helpers to run one computation on both.
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { registerNativeBackend } from '../../src/index';

/** Why the native backend cannot be tested here (its addon is not built), or null. */
export const nativeUnavailable: string | null = (() => {
  try {
    registerNativeBackend({ tf, MathBackendCPU });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
})();

export const skipReason = nativeUnavailable ? ` (skipped: ${nativeUnavailable})` : '';


/** A seeded generator of uniform floats in [-1, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/** `n` seeded random floats. */
export function randomArray(n: number, seed: number): Float32Array {
  const r = random(seed);
  return Float32Array.from({ length: n }, r);
}

/** Runs `fn` on the named backend and returns its outputs' values and shapes (tensors freed). */
export async function runOn(backend: string, fn: () => tf.Tensor | tf.Tensor[]): Promise<{ shape: number[]; dtype: string; values: number[] }[]> {
  await tf.setBackend(backend);
  (tf.findBackend('cpu') as unknown as { firstUse: boolean }).firstUse = false;
  return tf.tidy(() => {
    const out = fn();
    return (Array.isArray(out) ? out : [out]).map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync() as ArrayLike<number>) }));
  });
}

/**
 * Runs `fn` on the cpu and native backends and expects the same shapes, dtypes and values
 * (within `rtol * max|cpu| + atol`: summation orders differ).
 */
export async function expectSameAsCpu(fn: () => tf.Tensor | tf.Tensor[], rtol = 1e-5, atol = 1e-6): Promise<void> {
  const want = await runOn('cpu', fn);
  const got = await runOn('native', fn);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(got[i].shape, `output ${i} shape`).toEqual(want[i].shape);
    expect(got[i].dtype, `output ${i} dtype`).toBe(want[i].dtype);
    const scale = want[i].values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
    const tol = rtol * scale + atol;
    let worst = -1;
    let worstErr = 0;
    for (let j = 0; j < want[i].values.length; j++) {
      const a = got[i].values[j];
      const b = want[i].values[j];
      if (Number.isNaN(b) ? !Number.isNaN(a) : !(a === b || Math.abs(a - b) <= tol)) {
        const err = Number.isNaN(a - b) ? Infinity : Math.abs(a - b);
        if (err >= worstErr) {
          worst = j;
          worstErr = err;
        }
      }
    }
    if (worst >= 0) expect.fail(`output ${i}: element ${worst} is ${got[i].values[worst]} on native, ${want[i].values[worst]} on cpu (tolerance ${tol})`);
  }
}

export { tf };
