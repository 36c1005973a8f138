import { rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImageClose, outputCase, paramsCase, paramsCases, seeded, smallImage, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { gaussianBlur } from './functional/gaussian-blur';
import { GaussianBlur } from './gaussian-blur';

describe('GaussianBlur', () => {
  it.each(paramsCases('blur_'))('getParams draws the sigma torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const a = c.args as { min: number; max: number };
    expect(seeded(c.seed, () => GaussianBlur.getParams(a.min, a.max))).toBe(c.expected);
  });

  it.each([0, 1, 2])('blurs the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`gaussian_blur_${s}`);
    expectImageClose(seeded(c.seed, () => new GaussianBlur(3)(smallImage())), c.y);
  });

  it('blurs a batch with one sigma', () => {
    const x = rand([2, 3, 6, 6]);
    const sigma = seeded(9, () => GaussianBlur.getParams(0.5, 1.5));
    const y = seeded(9, () => new GaussianBlur([3, 5], { sigma: [0.5, 1.5] })(x));
    expect(y.dataSync()).toEqual(gaussianBlur(x, [3, 5], [sigma, sigma]).dataSync());
    expect(new GaussianBlur(3, { sigma: 1 })(Image.new('L', [4, 4]))).toBeInstanceOf(Image);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new GaussianBlur(3))).toBe(torchRepr('GaussianBlur(3)'));
    expect(String(new GaussianBlur([3, 5], { sigma: 1.5 }))).toBe(torchRepr('GaussianBlur([3, 5], {sigma: 1.5})'));
    const t = new GaussianBlur(5, { sigma: [0.5, 1] });
    expect(String(t)).toBe(torchRepr('GaussianBlur(5, {sigma: [0.5, 1]})'));
    const spec = t.workerSpec()!;
    expect(String(new GaussianBlur(...(spec.args as [number, object])))).toBe(String(t));
    expect(new GaussianBlur(3).workerSpec()!.args).toEqual([3, {}]);
  });

  it('rejects even, non-positive or fractional kernel sizes and bad sigmas', () => {
    throwsExactly(() => new GaussianBlur(4), ValueError, 'GaussianBlur: Kernel size value should be an odd and positive number, got number 4');
    throwsExactly(() => new GaussianBlur([3, 0]), ValueError, 'GaussianBlur: Kernel size value should be an odd and positive number, got [3,0]');
    throwsExactly(() => new GaussianBlur(-3), ValueError, 'GaussianBlur: Kernel size value should be an odd and positive number, got number -3');
    throwsExactly(() => new GaussianBlur([3, 5, 7]), ValueError, 'GaussianBlur: Kernel size should be a tuple/list of two integers. Got 3 values: [3, 5, 7]');
    throwsExactly(() => new GaussianBlur(3, { sigma: 0 }), ValueError, 'GaussianBlur: If sigma is a single number, it must be positive, got 0');
    throwsExactly(() => new GaussianBlur(3, { sigma: [2, 1] }), ValueError, 'GaussianBlur: sigma values should be positive and of the form (min, max), got [2,1]');
    throwsExactly(() => new GaussianBlur(3, { sigma: [1, 2, 3] as never }), ValueError, 'GaussianBlur: sigma should be a single number or a list/tuple with length 2, got [1,2,3]');
  });
});
