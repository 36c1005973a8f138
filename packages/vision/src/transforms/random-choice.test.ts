import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { seeded, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Grayscale } from './grayscale';
import { RandomChoice } from './random-choice';
import { RandomInvert } from './random-invert';

const fns = [(x: string) => `${x}a`, (x: string) => `${x}b`, (x: string) => `${x}c`];

describe('RandomChoice', () => {
  it('picks each transform about equally often, or by the weights p', () => {
    const count = (t: RandomChoice<string>) => {
      const n: Record<string, number> = { a: 0, b: 0, c: 0 };
      for (let i = 0; i < 3000; i++) n[(t('') as string).slice(-1)]!++;
      return n;
    };
    const even = seeded(0, () => count(new RandomChoice<string>(fns)));
    for (const v of Object.values(even)) expect(Math.abs(v - 1000)).toBeLessThan(100);
    const weighted = seeded(0, () => count(new RandomChoice<string>(fns, { p: [0, 3, 1] })));
    expect(weighted.a).toBe(0);
    expect(Math.abs(weighted.b - 2250)).toBeLessThan(100);
  });

  it('repeats under the same seed and differs under another', () => {
    const t = new RandomChoice<string>(fns);
    const run = () => Array.from({ length: 20 }, () => t(''));
    expect(seeded(1, run)).toEqual(seeded(1, run));
    expect(seeded(2, run)).not.toEqual(seeded(1, run));
  });

  it("prints torchvision's repr, (p=...) after the list", () => {
    expect(String(new RandomChoice([new RandomInvert(), new Grayscale()]))).toBe(torchRepr('RandomChoice([RandomInvert(), Grayscale()])'));
    expect(String(new RandomChoice([new RandomInvert(), new Grayscale()], { p: [0.3, 0.7] }))).toBe(torchRepr('RandomChoice([RandomInvert(), Grayscale()], {p: [0.3, 0.7]})'));
    expect(new RandomChoice(fns.slice(0, 1)).workerSpec()).toMatchObject({ export: 'RandomChoice', args: [fns.slice(0, 1), { p: null }] });
  });

  it('rejects weights that are not numbers, of the wrong count, negative, or all zero, and an empty list when called', () => {
    throwsExactly(() => new RandomChoice(fns, { p: 0.5 as never }), ArgumentTypeError, 'RandomChoice: Argument p should be a sequence of numbers, got number 0.5');
    throwsExactly(() => new RandomChoice(fns, { p: [1, 2] }), ValueError, 'RandomChoice: the number of weights p does not match the number of transforms (2 != 3)');
    throwsExactly(() => new RandomChoice(fns, { p: [1, -1, 1] }), ValueError, 'RandomChoice: weights p should be finite non-negative numbers, got [1,-1,1]');
    throwsExactly(() => new RandomChoice(fns, { p: [0, 0, 0] })(''), ValueError, 'RandomChoice: the total of the weights p must be a finite number greater than zero, got 0');
    throwsExactly(() => new RandomChoice([])(''), ValueError, 'RandomChoice: cannot choose from an empty list of transforms');
  });
});
