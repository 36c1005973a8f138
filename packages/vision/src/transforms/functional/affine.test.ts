import { ArgumentTypeError, ShapeError, ValueError, rand, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TENSOR_TOL, expectFixture, fixtureTensor, geometryFixtures, inputImage } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { type AffineOptions, affine } from './affine';

describe('affine parity', () => {
  for (const f of geometryFixtures('pil_affine_')) {
    it(`matches torchvision on PIL images exactly: ${f.name}`, () => {
      expectFixture(affine(inputImage(f), f.params as unknown as AffineOptions), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_affine_')) {
    it(`matches torchvision's tensor affine: ${f.name}`, () => {
      expectFixture(affine(fixtureTensor(f.inputs.x!), f.params as unknown as AffineOptions), f.expected.y!, TENSOR_TOL);
    });
  }
});

describe('affine', () => {
  const base = { angle: 0, translate: [0, 0], scale: 1, shear: 0 } as const;

  it('is the identity with no rotation, translation, scale or shear', () => {
    const img = new Image(3, 2, 'RGB', Uint8Array.from({ length: 18 }, (_, i) => i * 10));
    expect(Array.from(affine(img, base).data)).toEqual(Array.from(img.data));
    const t = rand([3, 5, 4]);
    expect(Array.from(affine(t, { ...base, interpolation: 'bilinear' }).dataSync())).toEqual(Array.from(t.dataSync()));
  });

  it('translates by whole pixels', () => {
    const img = new Image(3, 1, 'L', Uint8Array.of(1, 2, 3));
    expect(Array.from(affine(img, { ...base, translate: [1, 0] }).data)).toEqual([0, 1, 2]);
    expect(affine(zeros([1, 1, 3]).add(1), { ...base, translate: [-1, 0], fill: 5 }).tolist()).toEqual([[[1, 1, 5]]]);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => affine('x' as unknown as Image, base)).toThrow(ArgumentTypeError);
    expect(() => affine('x' as unknown as Image, base)).toThrow('affine: expected an Image or an image Tensor, got string x');
    expect(() => affine(zeros([2]), base)).toThrow(ShapeError);
  });

  it('rejects bad parameters', () => {
    const img = Image.new('RGB', [4, 4]);
    expect(() => affine(img, undefined as unknown as AffineOptions)).toThrow(ArgumentTypeError);
    expect(() => affine(img, undefined as unknown as AffineOptions)).toThrow('affine: expected an options object { angle, translate, scale, shear }, got undefined undefined');
    expect(() => affine(img, { ...base, angle: '1' as unknown as number })).toThrow('affine: angle should be a number of degrees, got string 1');
    expect(() => affine(img, { ...base, translate: [1] as unknown as [number, number] })).toThrow(ValueError);
    expect(() => affine(img, { ...base, translate: [1] as unknown as [number, number] })).toThrow('affine: translate should be a list of two numbers [tx, ty], got [1]');
    expect(() => affine(img, { ...base, scale: 0 })).toThrow('affine: scale should be positive, got 0');
    expect(() => affine(img, { ...base, shear: [1, 2, 3] })).toThrow('affine: shear should be a number or a list of 1 or 2 numbers, got [1, 2, 3]');
    expect(() => affine(img, { ...base, interpolation: 'box' })).toThrow("affine: interpolation 'box' cannot be used on an Image (PIL's transform takes 'nearest', 'bilinear' or 'bicubic')");
    expect(() => affine(img, { ...base, fill: [1, 2, 3, 4] })).toThrow("affine: the number of elements in 'fill' does not match the number of channels of the image (4 != 3)");
  });
});
