import { ArgumentTypeError, ShapeError, ValueError, rand, tensor, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { type PaddingMode, pad } from './pad';

interface Params {
  padding: number | number[];
  paddingMode?: PaddingMode;
  fill?: number | number[];
}

describe('pad parity', () => {
  it('matches the shared reference fixtures vision_pad_constant and vision_pad_reflect', () => {
    const c = referenceFixture('vision_pad_constant');
    expectFixture(pad(fixtureImage(c.inputs.image_hwc_uint8!), c.params.padding as number, { fill: c.params.fill as number }), c.expected.y!);
    const r = referenceFixture('vision_pad_reflect');
    expectFixture(pad(fixtureImage(r.inputs.image_hwc_uint8!), r.params.padding as number[], { paddingMode: 'reflect' }), r.expected.y!);
  });
  for (const f of geometryFixtures('pil_pad_')) {
    it(`matches torchvision on PIL images: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      expectFixture(pad(inputImage(f), p.padding, { fill: p.fill, paddingMode: p.paddingMode }), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_pad_')) {
    it(`matches torchvision on tensors: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      expectFixture(pad(fixtureTensor(f.inputs.x!), p.padding, { fill: p.fill, paddingMode: p.paddingMode }), f.expected.y!);
    });
  }
});

describe('pad', () => {
  const row = (img: Image) => Array.from(img.data);
  const line = new Image(3, 1, 'L', Uint8Array.of(1, 2, 3));

  it('pads each mode as torchvision documents it', () => {
    expect(row(pad(line, [2, 0], { paddingMode: 'reflect' }))).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(row(pad(line, [2, 0], { paddingMode: 'symmetric' }))).toEqual([2, 1, 1, 2, 3, 3, 2]);
    expect(row(pad(line, [2, 0], { paddingMode: 'edge' }))).toEqual([1, 1, 1, 2, 3, 3, 3]);
    expect(row(pad(line, [2, 0], { fill: 9 }))).toEqual([9, 9, 1, 2, 3, 9, 9]);
    const t = tensor([[1, 2, 3]]);
    expect(pad(t, [2, 0], { paddingMode: 'reflect' }).tolist()).toEqual([[3, 2, 1, 2, 3, 2, 1]]);
    expect(pad(t, [2, 0], { paddingMode: 'symmetric' }).tolist()).toEqual([[2, 1, 1, 2, 3, 3, 2]]);
    expect(pad(t, [2, 0], { paddingMode: 'edge' }).tolist()).toEqual([[1, 1, 1, 2, 3, 3, 3]]);
    expect(pad(t, [2, 0], { fill: 9 }).tolist()).toEqual([[9, 9, 1, 2, 3, 9, 9]]);
  });

  it('repeats the reflection for Images, as numpy does, when the pad is wider than the image', () => {
    expect(row(pad(line, [5, 0, 4, 0], { paddingMode: 'reflect' }))).toEqual([2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3]);
    expect(row(pad(line, [4, 0, 4, 0], { paddingMode: 'symmetric' }))).toEqual([3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1]);
    expect(row(pad(new Image(1, 1, 'L', Uint8Array.of(5)), [2, 0], { paddingMode: 'reflect' }))).toEqual([5, 5, 5, 5, 5]);
  });

  it('crops with negative padding', () => {
    expect(row(pad(line, [-1, 0, 1, 0], { fill: 0 }))).toEqual([2, 3, 0]);
    expect(row(pad(line, [-1, 0, 1, 0], { paddingMode: 'reflect' }))).toEqual([2, 3, 2]);
    expect(pad(tensor([[1, 2, 3]]), [-1, 0, 1, 0], { paddingMode: 'reflect' }).tolist()).toEqual([[2, 3, 2]]);
  });

  it('uses one fill value per channel on Images (alpha too)', () => {
    const y = pad(Image.new('RGBA', [1, 1], [1, 2, 3, 4]), [1, 0, 0, 0], { fill: [9, 8, 7, 6] });
    expect(row(y)).toEqual([9, 8, 7, 6, 1, 2, 3, 4]);
    expect(row(pad(Image.new('RGBA', [1, 1], [1, 2, 3, 4]), [1, 0, 0, 0], { fill: 5 }))).toEqual([5, 5, 5, 5, 1, 2, 3, 4]);
  });

  it('keeps dtypes, leading dimensions and gradients of tensors', () => {
    expect(pad(zeros([2, 2, 3, 4, 5], { dtype: 'int32' }), [1, 2], { paddingMode: 'symmetric' }).shape).toEqual([2, 2, 3, 8, 7]);
    const x = rand([3, 4, 4], { requiresGrad: true });
    pad(x, 1, { paddingMode: 'reflect' }).sum().backward();
    expect(x.grad?.shape).toEqual([3, 4, 4]);
  });

  it('rejects padding of the wrong length or kind', () => {
    expect(() => pad(line, [1, 2, 3])).toThrow(ValueError);
    expect(() => pad(line, [1, 2, 3])).toThrow('pad: padding must be a number or a list of 1, 2 or 4 numbers (left, top, right, bottom), got a list of 3: [1, 2, 3]');
    expect(() => pad(line, [])).toThrow('pad: padding must be a number or a list of 1, 2 or 4 numbers (left, top, right, bottom), got a list of 0: []');
    expect(() => pad(line, 1.5)).toThrow('pad: padding must hold integers, got [1.5]');
    expect(() => pad(line, 'wide' as unknown as number)).toThrow(ArgumentTypeError);
    expect(() => pad(line, 'wide' as unknown as number)).toThrow('pad: padding should be a number or a list of numbers, got string wide');
  });

  it('rejects unknown modes and fills of the wrong length', () => {
    expect(() => pad(line, 1, { paddingMode: 'wrap' as PaddingMode })).toThrow(ValueError);
    expect(() => pad(line, 1, { paddingMode: 'wrap' as PaddingMode })).toThrow("pad: paddingMode should be one of 'constant', 'edge', 'reflect', 'symmetric', got string wrap");
    expect(() => pad(Image.new('RGB', [2, 2]), 1, { fill: [1, 2] })).toThrow("pad: the number of elements in 'fill' does not match the number of channels of the image (2 != 3)");
    expect(() => pad(zeros([3, 2, 2]), 1, { fill: [1, 2, 3] })).toThrow(ArgumentTypeError);
    expect(() => pad(zeros([3, 2, 2]), 1, { fill: [1, 2, 3] })).toThrow('pad: a tensor is padded with one fill number, got [1, 2, 3]');
  });

  it('rejects reflections a tensor is too small for, as torchvision does', () => {
    expect(() => pad(zeros([1, 3, 2, 2]), [2, 0], { paddingMode: 'reflect' })).toThrow(ValueError);
    expect(() => pad(zeros([1, 3, 2, 2]), [2, 0], { paddingMode: 'reflect' })).toThrow("pad: reflect padding (2, 2) must be smaller than the tensor's width 2");
    expect(() => pad(zeros([3, 2, 4]), [0, 3], { paddingMode: 'symmetric' })).toThrow("pad: symmetric padding (3, 3) must be at most the tensor's height 2");
    expect(() => pad(zeros([3, 2, 2]), [-2, 0], { paddingMode: 'edge' })).toThrow("pad: padding (-2, -2) leaves nothing of the tensor's width 2");
  });

  it('rejects negative padding larger than an Image', () => {
    expect(() => pad(line, [-2, 0], { paddingMode: 'edge' })).toThrow('pad: negative padding [-2, 0, -2, 0] crops the whole 3x1 image');
    expect(() => pad(line, [-2, 0])).toThrow('pad: negative padding [-2, 0, -2, 0] leaves a -1x1 image from a 3x1 one');
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => pad(undefined as unknown as Image, 1)).toThrow(ArgumentTypeError);
    expect(() => pad(undefined as unknown as Image, 1)).toThrow('pad: expected an Image or an image Tensor, got undefined undefined');
    expect(() => pad(zeros([3]), 1)).toThrow(ShapeError);
  });
});
