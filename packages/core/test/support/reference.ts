// Reads PyTorch's reference outputs from test/fixtures/reference (copies of the PyTorch 1.13
// parity fixtures; see test/fixtures/README.md) and compares with the stated tolerances.
import { expect } from 'vitest';
import { tf } from '../../src/backend/tfjs';
import { Tensor } from '../../src/index';
import { fixturePath, readFixtureJson } from './fixtures';

export interface RefArray {
  shape: number[];
  dtype: 'float32' | 'int64' | 'uint8' | 'bool';
  data: (number | boolean)[];
}
export interface RefFixture {
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, RefArray>;
  expected: Record<string, RefArray>;
  note?: string;
}

/** `packages/core/test/fixtures/reference/`: inside the repository, so a fresh clone has it. */
export const referenceDir = fixturePath('reference');

/** Parsed `<name>.json` from test/fixtures/reference. */
export function loadReference<T = RefFixture>(name: string): T {
  return readFixtureJson<T>('reference', name.endsWith('.json') ? name : `${name}.json`);
}

/** A fixture array as a tensor (int64/uint8 become int32). */
export function refTensor(a: RefArray, options: { requiresGrad?: boolean } = {}): Tensor {
  const dtype = a.dtype === 'float32' ? 'float32' : a.dtype === 'bool' ? 'bool' : 'int32';
  const flat = a.data.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
  const typed = dtype === 'float32' ? Float32Array.from(flat) : dtype === 'int32' ? Int32Array.from(flat) : Uint8Array.from(flat);
  const t = Tensor._owned(tf.tensor(typed, a.shape, dtype));
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}

/** Asserts `actual` matches the fixture within `rtol`·|expected| + `atol`, element by element. */
export function expectClose(actual: Tensor | ArrayLike<number>, expected: RefArray | ArrayLike<number>, rtol = 1e-4, atol = 1e-5, what = 'value'): void {
  const act = actual instanceof Tensor ? Array.from(actual.dataSync()) : Array.from(actual);
  const exp = 'data' in (expected as RefArray) ? (expected as RefArray).data.map(Number) : Array.from(expected as ArrayLike<number>);
  if (actual instanceof Tensor && 'shape' in (expected as RefArray)) {
    expect(actual.shape, `${what}: shape`).toEqual((expected as RefArray).shape);
  }
  expect(act.length, `${what}: number of elements`).toBe(exp.length);
  let worst = -1;
  let worstErr = 0;
  for (let i = 0; i < exp.length; i++) {
    const err = Math.abs(act[i] - exp[i]) - (atol + rtol * Math.abs(exp[i]));
    if (!(err <= 0) && (worst < 0 || err > worstErr || Number.isNaN(err))) {
      worst = i;
      worstErr = err;
    }
  }
  if (worst >= 0) {
    expect.fail(`${what}: element ${worst} is ${act[worst]}, expected ${exp[worst]} (rtol ${rtol}, atol ${atol})`);
  }
}
