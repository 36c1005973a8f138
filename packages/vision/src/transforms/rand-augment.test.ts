import { tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { augmentTables, expectImageClose, outputCase, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { InterpolationMode } from './functional/interpolation-mode';
import { RAND_AUGMENT_SPACE } from './internal/augment-space';
import { RandAugment } from './rand-augment';

type Space = [string, number[] | null, boolean][];

describe('RandAugment', () => {
  it.each([
    ['randaugment_31_23x31', 31, 23, 31],
    ['randaugment_10_12x16', 10, 12, 16],
  ] as const)("holds torchvision's operations, in its order, with its magnitudes (%s)", (key, bins, h, w) => {
    const space = RAND_AUGMENT_SPACE.map((e) => [e.op, e.magnitudes ? e.magnitudes(bins, h, w) : null, e.signed]);
    const expected = (augmentTables()[key] as Space).map(([op, m, s]) => [op, m === null ? null : m.map(Math.fround), s]);
    expect(space).toEqual(expected);
  });

  it('augments the Image as torchvision does under 8 seeds', () => {
    const t = new RandAugment();
    for (let s = 0; s < 8; s++) {
      const c = outputCase(`randaugment_${s}`);
      expectImageClose(seeded(c.seed, () => t(smallImage())), c.y);
    }
  });

  it('augments int32 8-bit tensor batches, repeatably under a seed', () => {
    const x = tensor([[[[0, 60, 120], [180, 240, 30]]], [[[5, 6, 7], [8, 9, 10]]]], { dtype: 'int32' });
    const t = new RandAugment({ numOps: 3, interpolation: InterpolationMode.BILINEAR });
    const run = () => Array.from({ length: 5 }, () => valuesOf(t(x)));
    expect(seeded(1, run)).toEqual(seeded(1, run));
    expect(seeded(2, run)).not.toEqual(seeded(1, run));
    expect(new RandAugment({ numOps: 0 })(smallImage())).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandAugment())).toBe(torchRepr('RandAugment()'));
    const t = new RandAugment({ numOps: 3, magnitude: 5, numMagnitudeBins: 10, interpolation: InterpolationMode.BILINEAR, fill: 0 });
    expect(String(t)).toBe(torchRepr('RandAugment({numOps: 3, magnitude: 5, numMagnitudeBins: 10, interpolation: bilinear, fill: 0})'));
    expect(String(new RandAugment(...(t.workerSpec()!.args as [object])))).toBe(String(t));
  });

  it('rejects a magnitude outside the bins and bad counts', () => {
    throwsExactly(() => new RandAugment({ magnitude: 31 }), ValueError, 'RandAugment: magnitude should be below numMagnitudeBins (31), got 31');
    throwsExactly(() => new RandAugment({ numOps: -1 }), ValueError, 'RandAugment: numOps should be an integer >= 0, got number -1');
    throwsExactly(() => new RandAugment({ numMagnitudeBins: 1.5 }), ValueError, 'RandAugment: numMagnitudeBins should be an integer >= 2, got number 1.5');
  });
});
