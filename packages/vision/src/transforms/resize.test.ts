import { ArgumentTypeError, rand, stack, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { expectImage, imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { InterpolationMode } from './functional/interpolation-mode';
import { resize } from './functional/resize';
import { Resize } from './resize';

describe('Resize', () => {
  it.each(['vision_resize_bilinear', 'vision_resize_nearest', 'vision_resize_short_side'])('gives torchvision’s PIL result exactly (%s)', (name) => {
    const ref = referenceFixture(name);
    const { size, interpolation } = ref.params as { size: number | number[]; interpolation?: InterpolationMode };
    expectImage(new Resize(size, { interpolation })(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!);
  });

  it('resizes tensors and batches as the functional resize does, with antialias on by default', () => {
    const x = rand([2, 3, 12, 16]);
    const y = new Resize(6)(x);
    expect(y.shape).toEqual([2, 3, 6, 8]);
    expect(y.dataSync()).toEqual(resize(x, 6, { antialias: true }).dataSync());
    expect(new Resize([5, 4], { antialias: false })(x).dataSync()).toEqual(resize(x, [5, 4], { antialias: false }).dataSync());
    expect(new Resize([5, 4])(stack([x])).shape).toEqual([1, 2, 3, 5, 4]);
  });

  it('caps the longer edge with maxSize', () => {
    expect(new Resize(10, { maxSize: 12 })(Image.new('RGB', [40, 20])).size).toEqual([12, 6]);
  });

  it('prints its repr as torchvision (antialias=True)', () => {
    expect(String(new Resize(256))).toBe(torchRepr('Resize(256)'));
    expect(String(new Resize([32, 48], { interpolation: InterpolationMode.NEAREST, antialias: true }))).toBe(
      torchRepr('Resize([32, 48], {interpolation: nearest, antialias: true})'),
    );
    expect(String(new Resize(100, { maxSize: 200, interpolation: InterpolationMode.BICUBIC }))).toBe(torchRepr('Resize(100, {maxSize: 200, interpolation: bicubic})'));
  });

  it('carries its options in the workerSpec', () => {
    expect(new Resize([3, 4]).workerSpec()).toMatchObject({
      export: 'Resize',
      args: [[3, 4], { interpolation: 'bilinear', maxSize: undefined, antialias: true }],
    });
  });

  it('rejects bad sizes, maxSize and interpolation', () => {
    throwsExactly(() => new Resize('big' as never), ArgumentTypeError, 'Resize: Size should be a number or a sequence of numbers, got "big"');
    throwsExactly(() => new Resize([1, 2, 3]), ValueError, 'Resize: If size is a sequence, it should have 1 or 2 values, got 3: [1,2,3]');
    throwsExactly(() => new Resize(4, { maxSize: 0 }), ValueError, 'Resize: maxSize should be a positive integer, got number 0');
    throwsExactly(
      () => new Resize([4, 5], { maxSize: 10 }),
      ValueError,
      'Resize: maxSize should only be passed if size specifies the length of the smaller edge, i.e. size should be a number or a list of length 1, got size [4,5]',
    );
    throwsExactly(() => new Resize(4, { interpolation: 'linear' as never }), ValueError, `Resize: interpolation should be one of 'nearest', 'nearest-exact', 'bilinear', 'bicubic', 'box', 'hamming', 'lanczos', got "linear"`);
  });
});
