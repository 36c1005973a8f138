import { ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { seeded, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Grayscale } from './grayscale';
import { RandomInvert } from './random-invert';
import { RandomOrder } from './random-order';

const fns = [(x: string) => `${x}a`, (x: string) => `${x}b`, (x: string) => `${x}c`];

describe('RandomOrder', () => {
  it('applies every transform once, in every order over many calls', () => {
    const t = new RandomOrder<string>(fns);
    const seen = new Set(seeded(0, () => Array.from({ length: 200 }, () => t(''))));
    expect([...seen].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
  });

  it('repeats under the same seed and differs under another', () => {
    const t = new RandomOrder<string>(fns);
    const run = () => Array.from({ length: 20 }, () => t(''));
    expect(seeded(1, run)).toEqual(seeded(1, run));
    expect(seeded(2, run)).not.toEqual(seeded(1, run));
  });

  it("prints torchvision's repr and carries its transforms in the workerSpec", () => {
    expect(String(new RandomOrder([new RandomInvert(), new Grayscale()]))).toBe(torchRepr('RandomOrder([RandomInvert(), Grayscale()])'));
    expect(new RandomOrder(fns).workerSpec()).toMatchObject({ export: 'RandomOrder', args: [fns] });
  });

  it('rejects a non-list', () => {
    throwsExactly(() => new RandomOrder('abc' as never), ArgumentTypeError, 'RandomOrder: Argument transforms should be a sequence (an array of transforms), got "abc"');
  });
});
