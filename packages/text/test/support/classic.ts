import { Tensor } from '@dl/core';
import { expect } from 'vitest';
import { readFixture } from './fixtures';

/** A tensor as test/fixtures/generators/data_classic.py records it. */
export interface TensorFixture {
  shape: number[];
  dtype: string;
  data: unknown;
}

export type Classic = Record<string, any>;

/** What classic torchtext gave (test/fixtures/data/classic.json). */
export const classic = readFixture<Classic>('data/classic.json');

/** PyTorch's dtype name as @dl stores it (int64 is int32). */
export function dlDType(torchDType: string): string {
  return torchDType === 'int64' ? 'int32' : torchDType;
}

/** Checks a tensor (or a list of them) against the recorded PyTorch tensor(s). */
export function expectTensors(actual: unknown, expected: TensorFixture | TensorFixture[]): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const list = actual as unknown[];
    expect(list.length).toBe(expected.length);
    expected.forEach((e, i) => expectTensors(list[i], e));
    return;
  }
  expect(actual).toBeInstanceOf(Tensor);
  const t = actual as Tensor;
  expect(t.shape).toEqual(expected.shape);
  expect(t.dtype).toBe(dlDType(expected.dtype));
  expect(t.tolist()).toEqual(expected.data);
}
