import { ArgumentTypeError, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { augmentTables, expectImageClose, outputCase, paramsCase, paramsCases, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { AutoAugment } from './auto-augment';
import { AutoAugmentPolicy } from './auto-augment-policy';
import { InterpolationMode } from './functional/interpolation-mode';
import { AUTO_AUGMENT_SPACE } from './internal/augment-space';
import { AUTO_AUGMENT_POLICIES } from './internal/auto-augment-policies';

type Space = [string, number[] | null, boolean][];

describe('AutoAugment', () => {
  it("holds torchvision's three policies and its magnitude table", () => {
    const t = augmentTables();
    expect(AUTO_AUGMENT_POLICIES).toEqual(t.policies);
    const space = AUTO_AUGMENT_SPACE.map((e) => [e.op, e.magnitudes ? e.magnitudes(10, 23, 31) : null, e.signed]);
    const expected = (t.autoaugment_10_23x31 as Space).map(([op, m, s]) => [op, m === null ? null : m.map(Math.fround), s]);
    expect(space).toEqual(expected);
  });

  it.each(paramsCases('autoaugment_'))('getParams draws what torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    expect(seeded(c.seed, () => AutoAugment.getParams((c.args as { transform_num: number }).transform_num))).toEqual(c.expected);
  });

  it.each(['imagenet', 'cifar10', 'svhn'] as const)('augments the Image as torchvision does under 8 seeds (%s policy)', (policy) => {
    const t = new AutoAugment(policy);
    for (let s = 0; s < 8; s++) {
      const c = outputCase(`autoaugment_${policy}_${s}`);
      expectImageClose(seeded(c.seed, () => t(smallImage())), c.y);
    }
  });

  it('augments int32 8-bit tensors and batches, repeatably under a seed', () => {
    const x = tensor(Array.from({ length: 2 }, (_, n) => [Array.from({ length: 6 }, (_, i) => Array.from({ length: 5 }, (_, j) => (n * 50 + i * 30 + j * 7) % 256))]), { dtype: 'int32' });
    const t = new AutoAugment(AutoAugmentPolicy.SVHN, { interpolation: InterpolationMode.BILINEAR, fill: 9 });
    const run = () => Array.from({ length: 6 }, () => valuesOf(t(x)));
    expect(seeded(1, run)).toEqual(seeded(1, run));
    expect(seeded(2, run)).not.toEqual(seeded(1, run));
    expect(t(x).shape).toEqual([2, 1, 6, 5]);
    expect(t(smallImage())).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new AutoAugment())).toBe(torchRepr('AutoAugment()'));
    const t = new AutoAugment(AutoAugmentPolicy.CIFAR10, { fill: [128, 128, 128] });
    expect(String(t)).toBe(torchRepr('AutoAugment(cifar10, {fill: [128, 128, 128]})'));
    expect(String(new AutoAugment(...(t.workerSpec()!.args as [AutoAugmentPolicy, object])))).toBe(String(t));
  });

  it('rejects unknown policies and fills', () => {
    throwsExactly(() => new AutoAugment('mnist' as never), ValueError, `AutoAugment: The provided policy "mnist" is not recognized (expected one of 'imagenet', 'cifar10', 'svhn')`);
    throwsExactly(() => new AutoAugment(AutoAugmentPolicy.SVHN, { fill: 'gray' as never }), ArgumentTypeError, 'AutoAugment: fill should be a number, a list of numbers or null, got "gray"');
  });
});
