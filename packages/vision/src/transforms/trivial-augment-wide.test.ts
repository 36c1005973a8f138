import { tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { augmentTables, expectImageClose, outputCase, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { TRIVIAL_AUGMENT_SPACE } from './internal/augment-space';
import { TrivialAugmentWide } from './trivial-augment-wide';

type Space = [string, number[] | null, boolean][];

describe('TrivialAugmentWide', () => {
  it.each([
    ['trivialaugment_31', 31],
    ['trivialaugment_7', 7],
  ] as const)("holds torchvision's operations, in its order, with its magnitudes (%s)", (key, bins) => {
    const space = TRIVIAL_AUGMENT_SPACE.map((e) => [e.op, e.magnitudes ? e.magnitudes(bins, 1, 1) : null, e.signed]);
    const expected = (augmentTables()[key] as Space).map(([op, m, s]) => [op, m === null ? null : m.map(Math.fround), s]);
    expect(space).toEqual(expected);
  });

  it('augments the Image as torchvision does under 8 seeds', () => {
    const t = new TrivialAugmentWide();
    for (let s = 0; s < 8; s++) {
      const c = outputCase(`trivialaugment_${s}`);
      expectImageClose(seeded(c.seed, () => t(smallImage())), c.y);
    }
  });

  it('augments int32 8-bit tensor batches, repeatably under a seed', () => {
    const x = tensor([[[[0, 60, 120], [180, 240, 30]]], [[[5, 6, 7], [8, 9, 10]]]], { dtype: 'int32' });
    const t = new TrivialAugmentWide({ fill: [3] });
    const run = () => Array.from({ length: 8 }, () => valuesOf(t(x)));
    expect(seeded(1, run)).toEqual(seeded(1, run));
    expect(seeded(2, run)).not.toEqual(seeded(1, run));
    expect(t(smallImage())).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new TrivialAugmentWide())).toBe(torchRepr('TrivialAugmentWide()'));
    const t = new TrivialAugmentWide({ numMagnitudeBins: 7, fill: [1, 2, 3] });
    expect(String(t)).toBe('TrivialAugmentWide(num_magnitude_bins=7, interpolation=InterpolationMode.NEAREST, fill=[1, 2, 3])');
    expect(String(new TrivialAugmentWide(...(t.workerSpec()!.args as [object])))).toBe(String(t));
  });

  it('rejects too few bins', () => {
    throwsExactly(() => new TrivialAugmentWide({ numMagnitudeBins: 1 }), ValueError, 'TrivialAugmentWide: numMagnitudeBins should be an integer >= 2, got number 1');
  });
});
