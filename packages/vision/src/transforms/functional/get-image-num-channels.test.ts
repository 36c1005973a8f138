import { ArgumentTypeError, ShapeError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { getImageNumChannels } from './get-image-num-channels';

describe('getImageNumChannels', () => {
  it('counts the channels of Images and tensors', () => {
    expect(getImageNumChannels(Image.new('L', [2, 2]))).toBe(1);
    expect(getImageNumChannels(Image.new('RGB', [2, 2]))).toBe(3);
    expect(getImageNumChannels(Image.new('RGBA', [2, 2]))).toBe(4);
    expect(getImageNumChannels(zeros([2, 3, 4, 4]))).toBe(3);
    expect(getImageNumChannels(zeros([4, 4]))).toBe(1);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => getImageNumChannels(3 as unknown as Image)).toThrow(ArgumentTypeError);
    expect(() => getImageNumChannels(3 as unknown as Image)).toThrow('getImageNumChannels: expected an Image or an image Tensor, got number 3');
    expect(() => getImageNumChannels(zeros([3]))).toThrow(ShapeError);
  });
});
