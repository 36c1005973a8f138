import { ArgumentTypeError, ShapeError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { getDimensions } from './get-dimensions';

describe('getDimensions', () => {
  it('gives [channels, height, width] of Images and tensors', () => {
    expect(getDimensions(Image.new('RGB', [32, 24]))).toEqual([3, 24, 32]);
    expect(getDimensions(Image.new('RGBA', [2, 1]))).toEqual([4, 1, 2]);
    expect(getDimensions(zeros([8, 1, 28, 28]))).toEqual([1, 28, 28]);
    expect(getDimensions(zeros([5, 7]))).toEqual([1, 5, 7]);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => getDimensions({ width: 2 } as unknown as Image)).toThrow(ArgumentTypeError);
    expect(() => getDimensions({ width: 2 } as unknown as Image)).toThrow('getDimensions: expected an Image or an image Tensor, got an object (Object)');
    expect(() => getDimensions(zeros([4]))).toThrow(ShapeError);
    expect(() => getDimensions(zeros([4]))).toThrow('getDimensions: expected an image tensor [..., H, W] (rank >= 2), got shape [4]');
  });
});
