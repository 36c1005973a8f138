// Shared by the serialization tests: fixture paths and comparison against expected.json.
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { expect } from 'vitest';
import { Tensor } from '../../src/tensor/tensor';
import { fixturePath } from './fixtures';

/** `test/fixtures/torch/` (with a trailing separator): checkpoints written by gen_torch_fixtures.py. */
export const fixtureDir = fixturePath('torch') + sep;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixtureDir + name));
}

interface ExpectedTensor {
  __tensor__: { dtype: string; shape: number[]; data: (number | boolean)[]; requires_grad: boolean };
}

export const expected: { torch_version: string; files: Record<string, unknown> } = JSON.parse(readFileSync(`${fixtureDir}expected.json`, 'utf8'));

function isExpectedTensor(v: unknown): v is ExpectedTensor {
  return typeof v === 'object' && v !== null && '__tensor__' in v;
}

function dlDType(torchDType: string): string {
  if (torchDType === 'bool') return 'bool';
  return torchDType.startsWith('float') || torchDType === 'bfloat16' ? 'float32' : 'int32';
}

/** Deep comparison of a loaded value with expected.json's description of the PyTorch value. */
export function expectMatches(actual: unknown, want: unknown, path = '<root>'): void {
  if (isExpectedTensor(want)) {
    expect(actual, path).toBeInstanceOf(Tensor);
    const t = actual as Tensor;
    const w = want.__tensor__;
    expect(t.shape, `${path} shape`).toEqual(w.shape);
    expect(t.dtype, `${path} dtype`).toBe(dlDType(w.dtype));
    const got = Array.from(t.dataSync(), Number);
    const exp = w.data.map(Number);
    if (t.dtype === 'float32') {
      expect(got.length, path).toBe(exp.length);
      got.forEach((g, i) => expect(Math.abs(g - Math.fround(exp[i])) <= 1e-6 * Math.abs(exp[i]) + 1e-30, `${path}[${i}]: ${g} vs ${exp[i]}`).toBe(true));
    } else {
      expect(got, path).toEqual(exp);
    }
    expect(t.requiresGrad, `${path} requiresGrad`).toBe(w.requires_grad && t.dtype === 'float32');
    return;
  }
  if (typeof want === 'object' && want !== null && '__bigint__' in want) {
    expect(actual, path).toBe(BigInt((want as { __bigint__: string }).__bigint__));
    return;
  }
  if (typeof want === 'object' && want !== null && '__bytes__' in want) {
    expect(actual, path).toBeInstanceOf(Uint8Array);
    expect(Array.from(actual as Uint8Array), path).toEqual((want as { __bytes__: number[] }).__bytes__);
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(want.length);
    want.forEach((w, i) => expectMatches((actual as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (typeof want === 'object' && want !== null) {
    expect(typeof actual, path).toBe('object');
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) expectMatches((actual as Record<string, unknown>)[k], w, `${path}.${k}`);
    return;
  }
  expect(actual, path).toBe(want);
}
