import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { seeded, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { Grayscale } from './grayscale';
import { RandomApply } from './random-apply';
import { RandomInvert } from './random-invert';
import { ToTensor } from './to-tensor';

describe('RandomApply', () => {
  it('applies all its transforms unless p < torch.rand(1) (seed 0 draws 0.4963, 0.7682, 0.0885)', () => {
    const t = new RandomApply<number>([(x: number) => x + 1, (x: number) => x * 10], { p: 0.5 });
    expect(seeded(0, () => [t(1), t(1), t(1)])).toEqual([20, 1, 20]);
    expect(new RandomApply<number>([(x: number) => x + 1], { p: 0 })(1)).toBe(1);
    expect(new RandomApply<number>([(x: number) => x + 1], { p: 1 })(1)).toBe(2);
  });

  it('repeats under the same seed and differs under another', () => {
    const t = new RandomApply<number>([(x: number) => x + 1]);
    const run = () => Array.from({ length: 20 }, () => t(0));
    expect(seeded(3, run)).toEqual(seeded(3, run));
    expect(seeded(4, run)).not.toEqual(seeded(3, run));
  });

  it('prints p first, then its transforms, as torchvision', () => {
    expect(String(new RandomApply([new RandomInvert()]))).toBe(torchRepr('RandomApply([RandomInvert()])'));
    expect(String(new RandomApply([new ToTensor(), new Grayscale()], { p: 0.8 }))).toBe(torchRepr('RandomApply([ToTensor(), Grayscale()], {p: 0.8})'));
    const inner = new RandomInvert();
    expect(new RandomApply([inner], { p: 0.3 }).workerSpec()).toMatchObject({ export: 'RandomApply', args: [[inner], { p: 0.3 }] });
  });

  it('rejects a non-list and a probability outside [0, 1]', () => {
    throwsExactly(() => new RandomApply(new RandomInvert() as never), ArgumentTypeError, 'RandomApply: Argument transforms should be a sequence (an array of transforms), got a function');
    throwsExactly(() => new RandomApply([], { p: 1.2 }), ValueError, 'RandomApply: p should be a probability between 0 and 1, got 1.2');
  });
});
