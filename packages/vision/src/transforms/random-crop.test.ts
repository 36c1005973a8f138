import { rand, stack, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImageClose, outputCase, paramsCase, paramsCases, patternImage, seeded, smallImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { crop } from './functional/crop';
import { RandomCrop } from './random-crop';

describe('RandomCrop', () => {
  it.each(paramsCases('crop_'))('getParams draws what torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const { height, width, size } = c.args as { height: number; width: number; size: [number, number] };
    expect(seeded(c.seed, () => RandomCrop.getParams(Image.new('L', [width, height]), size))).toEqual(c.expected);
  });

  it.each([0, 1, 2])('pads (reflect) and crops the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`random_crop_pad_${s}`);
    expectImageClose(seeded(c.seed, () => new RandomCrop(14, { padding: 2, paddingMode: 'reflect' })(smallImage())), c.y);
  });

  it('crops a whole batch at one place', () => {
    const x = rand([3, 8, 9]);
    const y = seeded(3, () => new RandomCrop([4, 5])(stack([x, x])));
    const [i, j] = seeded(3, () => RandomCrop.getParams(x, [4, 5]));
    expect(y.shape).toEqual([2, 3, 4, 5]);
    expect(y.dataSync()).toEqual(stack([crop(x, i, j, 4, 5), crop(x, i, j, 4, 5)]).dataSync());
  });

  it('returns the whole image when it has the crop size, and pads small images with padIfNeeded', () => {
    const img = patternImage(5, 4);
    expect(valuesOf(new RandomCrop([4, 5])(img))).toEqual(valuesOf(img));
    const padded = seeded(0, () => new RandomCrop([6, 8], { padIfNeeded: true, fill: 1 })(img));
    expect(padded.size).toEqual([8, 6]);
    throwsExactly(() => new RandomCrop([6, 8])(img), ValueError, 'RandomCrop: Required crop size (6, 8) is larger than input image size (4, 5)');
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomCrop(32, { padding: 4 }))).toBe(torchRepr('RandomCrop(32, {padding: 4})'));
    expect(String(new RandomCrop([8, 10]))).toBe(torchRepr('RandomCrop([8, 10])'));
    const spec = new RandomCrop(32, { padding: 4 }).workerSpec()!;
    expect(String(new RandomCrop(...(spec.args as [number, object])))).toBe('RandomCrop(size=(32, 32), padding=4)');
  });

  it('rejects bad padding modes and padding', () => {
    throwsExactly(() => new RandomCrop(3, { paddingMode: 'wrap' as never }), ValueError, 'RandomCrop: Padding mode should be either constant, edge, reflect or symmetric, got "wrap"');
    throwsExactly(() => new RandomCrop(3, { padding: [1, 2, 3] }), ValueError, 'RandomCrop: Padding must be an int or a 1, 2, or 4 element tuple, not a 3 element tuple: [1,2,3]');
  });
});
