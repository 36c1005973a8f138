import { ArgumentTypeError, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImageClose, outputCase, paramsCase, paramsCases, seeded, smallImage, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { affine } from './functional/affine';
import { InterpolationMode } from './functional/interpolation-mode';
import { RandomAffine } from './random-affine';

describe('RandomAffine', () => {
  it.each(paramsCases('affine_'))('getParams draws what torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const a = c.args as { degrees: number[]; translate: number[] | null; scale: number[] | null; shear: number[] | null; size: [number, number] };
    expect(seeded(c.seed, () => RandomAffine.getParams(a.degrees, a.translate, a.scale, a.shear, a.size))).toEqual(c.expected);
  });

  it.each([0, 1, 2])('transforms the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`affine_${s}`);
    const t = new RandomAffine(20, { translate: [0.1, 0.1], scale: [0.8, 1.2], shear: [-5, 5, -5, 5] });
    expectImageClose(seeded(c.seed, () => t(smallImage())), c.y);
  });

  it('transforms a batch with one draw, the fill repeated per channel', () => {
    const x = rand([2, 3, 6, 7]);
    const t = new RandomAffine(10, { scale: [0.5, 1.5], interpolation: InterpolationMode.BILINEAR, fill: 1 });
    const [angle, translate, scale, shear] = seeded(2, () => RandomAffine.getParams([-10, 10], undefined, [0.5, 1.5], undefined, [7, 6]));
    const expected = affine(x, { angle, translate, scale, shear, interpolation: 'bilinear', fill: [1, 1, 1] });
    expect(seeded(2, () => t(x)).dataSync()).toEqual(expected.dataSync());
    expect(new RandomAffine(0)(smallImage())).toBeInstanceOf(Image);
  });

  it('prints the options that are set, as torchvision', () => {
    expect(String(new RandomAffine(15))).toBe(torchRepr('RandomAffine(15)'));
    const t = new RandomAffine(0, { translate: [0.1, 0.2], scale: [0.9, 1.1], shear: 10, interpolation: InterpolationMode.BILINEAR, fill: 1, center: [3, 4] });
    expect(String(t)).toBe(torchRepr('RandomAffine(0, {translate: [0.1, 0.2], scale: [0.9, 1.1], shear: 10, interpolation: bilinear, fill: 1, center: [3, 4]})'));
    expect(String(new RandomAffine([-5, 5], { shear: [1, 2, 3, 4] }))).toBe(torchRepr('RandomAffine([-5, 5], {shear: [1, 2, 3, 4]})'));
    const spec = t.workerSpec()!;
    expect(String(new RandomAffine(...(spec.args as [number, object])))).toBe(String(t));
  });

  it('rejects bad degrees, translations, scales, shears and fills as torchvision does', () => {
    throwsExactly(() => new RandomAffine(-1), ValueError, 'RandomAffine: If degrees is a single number, it must be positive, got -1');
    throwsExactly(() => new RandomAffine(0, { translate: [0.5, 1.5] }), ValueError, 'RandomAffine: translation values should be between 0 and 1, got [0.5, 1.5]');
    throwsExactly(() => new RandomAffine(0, { translate: 0.5 as never }), ArgumentTypeError, 'RandomAffine: translate should be a sequence of length 2, got number 0.5');
    throwsExactly(() => new RandomAffine(0, { scale: [0, 1] }), ValueError, 'RandomAffine: scale values should be positive, got [0, 1]');
    throwsExactly(() => new RandomAffine(0, { shear: [1, 2, 3] }), ValueError, 'RandomAffine: shear should be a sequence of length 2 or 4, got length 3: [1, 2, 3]');
    throwsExactly(() => new RandomAffine(0, { shear: -2 }), ValueError, 'RandomAffine: If shear is a single number, it must be positive, got -2');
    throwsExactly(() => new RandomAffine(0, { fill: {} as never }), ArgumentTypeError, 'RandomAffine: Fill should be either a sequence or a number, got an object (Object)');
  });
});
