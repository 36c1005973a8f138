import { ArgumentTypeError, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImageClose, outputCase, paramsCase, paramsCases, patternImage, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { InterpolationMode } from './functional/interpolation-mode';
import { rotate } from './functional/rotate';
import { RandomRotation } from './random-rotation';

describe('RandomRotation', () => {
  it.each(paramsCases('rotation_'))('getParams draws the angle torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    expect(seeded(c.seed, () => RandomRotation.getParams((c.args as { degrees: number[] }).degrees))).toBe(c.expected);
  });

  it.each([0, 1, 2])('rotates the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`rotation_${s}`);
    expectImageClose(seeded(c.seed, () => new RandomRotation(30)(smallImage())), c.y);
  });

  it('rotates tensors and batches by one angle, with the fill per channel', () => {
    const x = rand([2, 3, 6, 6]);
    const t = new RandomRotation([10, 20], { interpolation: InterpolationMode.BILINEAR, fill: 0.5 });
    const angle = seeded(4, () => RandomRotation.getParams([10, 20]));
    const y = seeded(4, () => t(x));
    expect(y.dataSync()).toEqual(rotate(x, angle, { interpolation: 'bilinear', fill: [0.5, 0.5, 0.5] }).dataSync());
    const img = patternImage(6, 5);
    const expanded = seeded(1, () => new RandomRotation([90, 90], { expand: true })(img));
    expect(expanded.size).toEqual([5, 6]);
    expect(valuesOf(seeded(1, () => new RandomRotation([0, 0], { center: [1, 1] })(img)))).toEqual(valuesOf(img));
    expect(expanded).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomRotation(30))).toBe(torchRepr('RandomRotation(30)'));
    const t = new RandomRotation([-10, 20], { interpolation: InterpolationMode.BILINEAR, expand: true, center: [1, 2], fill: [1, 2, 3] });
    expect(String(t)).toBe(torchRepr('RandomRotation([-10, 20], {interpolation: bilinear, expand: true, center: [1, 2], fill: [1, 2, 3]})'));
    const spec = t.workerSpec()!;
    expect(String(new RandomRotation(...(spec.args as [number, object])))).toBe(String(t));
  });

  it('rejects negative degrees, bad ranges, centers and fills', () => {
    throwsExactly(() => new RandomRotation(-5), ValueError, 'RandomRotation: If degrees is a single number, it must be positive, got -5');
    throwsExactly(() => new RandomRotation([1, 2, 3] as never), ValueError, 'RandomRotation: degrees should be a sequence of length 2, got length 3: [1, 2, 3]');
    throwsExactly(() => new RandomRotation(5, { center: [1] as never }), ValueError, 'RandomRotation: center should be a sequence of length 2, got length 1: [1]');
    throwsExactly(() => new RandomRotation(5, { fill: 'white' as never }), ArgumentTypeError, 'RandomRotation: Fill should be either a sequence or a number, got "white"');
  });
});
