import { rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { patternImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { tenCrop } from './functional/ten-crop';
import { TenCrop } from './ten-crop';

describe('TenCrop', () => {
  it('returns the five crops and those of the flipped image', () => {
    const img = patternImage(7, 6);
    expect(new TenCrop(3)(img).map(valuesOf)).toEqual(tenCrop(img, 3).map(valuesOf));
    expect(new TenCrop(3, { verticalFlip: true })(img).map(valuesOf)).toEqual(tenCrop(img, 3, true).map(valuesOf));
    expect(new TenCrop(2)(rand([3, 5, 5]))).toHaveLength(10);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new TenCrop([8, 6], { verticalFlip: true }))).toBe(torchRepr('TenCrop([8, 6], {verticalFlip: true})'));
    expect(new TenCrop(4).workerSpec()).toMatchObject({ export: 'TenCrop', args: [4, { verticalFlip: false }] });
  });

  it('rejects sizes of three numbers', () => {
    throwsExactly(() => new TenCrop([1, 2, 3]), ValueError, 'TenCrop: Please provide only two dimensions (h, w) for size. Got 3 values: [1, 2, 3]');
  });
});
