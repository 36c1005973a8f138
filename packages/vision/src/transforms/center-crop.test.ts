import { ArgumentTypeError, rand, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImage, imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { CenterCrop } from './center-crop';

describe('CenterCrop', () => {
  it('gives torchvision’s PIL result exactly', () => {
    const ref = referenceFixture('vision_center_crop');
    expectImage(new CenterCrop(ref.params.size as number[])(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
  });

  it('crops tensors and batches, and pads images smaller than the crop', () => {
    expect(new CenterCrop(4)(rand([2, 3, 10, 12])).shape).toEqual([2, 3, 4, 4]);
    expect(new CenterCrop([2, 3])(rand([5, 6])).shape).toEqual([2, 3]);
    const big = new CenterCrop(4)(Image.new('L', [2, 2], 9));
    expect([big.size, [...big.data]]).toEqual([[4, 4], [0, 0, 0, 0, 0, 9, 9, 0, 0, 9, 9, 0, 0, 0, 0, 0]]);
  });

  it('prints (h, w) as a tuple for a number or [s], as a list for [h, w]', () => {
    expect(String(new CenterCrop(10))).toBe(torchRepr('CenterCrop(10)'));
    expect(String(new CenterCrop([10]))).toBe(torchRepr('CenterCrop([10])'));
    expect(String(new CenterCrop([10, 12]))).toBe(torchRepr('CenterCrop([10, 12])'));
    expect(new CenterCrop([10]).size).toEqual([10, 10]);
    expect(new CenterCrop([10]).workerSpec()).toMatchObject({ export: 'CenterCrop', args: [[10]] });
  });

  it('rejects sizes of three numbers or not numbers', () => {
    throwsExactly(() => new CenterCrop([1, 2, 3]), ValueError, 'CenterCrop: Please provide only two dimensions (h, w) for size. Got 3 values: [1, 2, 3]');
    throwsExactly(() => new CenterCrop('4' as never), ArgumentTypeError, 'CenterCrop: size should be a number or a list of numbers, got "4"');
  });
});
