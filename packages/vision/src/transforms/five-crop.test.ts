import { rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { patternImage, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { fiveCrop } from './functional/five-crop';
import { FiveCrop } from './five-crop';

describe('FiveCrop', () => {
  it('returns the four corners and the center, of the input kind', () => {
    const img = patternImage(7, 6);
    const crops: Image[] = new FiveCrop([2, 3])(img);
    expect(crops).toHaveLength(5);
    expect(crops.map(valuesOf)).toEqual(fiveCrop(img, [2, 3]).map(valuesOf));
    expect(new FiveCrop(2)(rand([4, 3, 6, 6])).map((c) => c.shape)).toEqual(new Array(5).fill([4, 3, 2, 2]));
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new FiveCrop(8))).toBe(torchRepr('FiveCrop(8)'));
    expect(new FiveCrop([8, 6]).workerSpec()).toMatchObject({ export: 'FiveCrop', args: [[8, 6]] });
  });

  it('rejects sizes of three numbers and crops larger than the image', () => {
    throwsExactly(() => new FiveCrop([1, 2, 3]), ValueError, 'FiveCrop: Please provide only two dimensions (h, w) for size. Got 3 values: [1, 2, 3]');
    expect(() => new FiveCrop(9)(patternImage(4, 4))).toThrow(ValueError);
  });
});
