import { manualSeed } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { augmentTables } from '../../../test/support/transform-fixtures';
import { uniform } from './random-draws';
import { fmaF32, torchLinspace } from './torch-float';

describe('torchLinspace', () => {
  it.each((augmentTables().linspace as [number, number, number, number[]][]).map((c) => [c[0], c[1], c[2], c[3]] as const))(
    'gives torch.linspace(%d, %d, %i) bit for bit',
    (a, b, n, expected) => {
      expect(torchLinspace(a, b, n)).toEqual(expected.map(Math.fround));
    },
  );

  it('handles 0 and 1 steps', () => {
    expect(torchLinspace(0, 1, 0)).toEqual([]);
    expect(torchLinspace(0.1, 1, 1)).toEqual([Math.fround(0.1)]);
  });
});

describe('uniform', () => {
  it.each((augmentTables().uniform as [number, number, number, number[]][]).map((c) => [c[0], c[1], c[2], c[3]] as const))(
    'gives torch.empty(n).uniform_(%d, %d) bit for bit after manual_seed(%i)',
    (a, b, seed, expected) => {
      manualSeed(seed);
      expect(expected.map(() => uniform(a, b))).toEqual(expected.map(Math.fround));
    },
  );
});

describe('fmaF32', () => {
  it('rounds a * b + c once', () => {
    // 1 + 2^-24 is a float32 tie; the exact value 1 + 2^-24 + 2^-60 rounds up, 1 + 2^-24 - 2^-60 down.
    const tiny = 2 ** -30;
    expect(fmaF32(tiny, tiny, 1 + 2 ** -24)).toBe(Math.fround(1 + 2 ** -23));
    expect(fmaF32(-tiny, tiny, 1 + 2 ** -24)).toBe(1);
    expect(fmaF32(3, Math.fround(0.1), Math.fround(0.2))).toBe(Math.fround(0.5));
  });
});
