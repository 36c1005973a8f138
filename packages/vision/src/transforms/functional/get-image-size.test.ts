import { ArgumentTypeError, ShapeError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { getImageSize } from './get-image-size';

describe('getImageSize', () => {
  it('gives [width, height] like PIL', () => {
    expect(getImageSize(Image.new('L', [32, 24]))).toEqual([32, 24]);
    expect(getImageSize(zeros([2, 3, 24, 32]))).toEqual([32, 24]);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => getImageSize('a' as unknown as Image)).toThrow(ArgumentTypeError);
    expect(() => getImageSize('a' as unknown as Image)).toThrow('getImageSize: expected an Image or an image Tensor, got string a');
    expect(() => getImageSize(zeros([1]))).toThrow(ShapeError);
  });
});
