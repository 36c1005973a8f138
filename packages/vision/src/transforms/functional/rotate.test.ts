import { ArgumentTypeError, ShapeError, ValueError, ones, rand, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TENSOR_TOL, expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import type { InterpolationMode } from './interpolation-mode';
import { rotate } from './rotate';

interface Params {
  angle: number;
  interpolation?: InterpolationMode;
  expand?: boolean;
  center?: [number, number];
  fill?: number | number[];
}

const opts = (p: Params) => ({ interpolation: p.interpolation, expand: p.expand, center: p.center, fill: p.fill });

describe('rotate parity', () => {
  it('matches the shared reference fixture vision_rotate_nearest exactly', () => {
    const f = referenceFixture('vision_rotate_nearest');
    expectFixture(rotate(fixtureImage(f.inputs.image_hwc_uint8!), f.params.angle as number), f.expected.y!);
  });
  for (const f of geometryFixtures('pil_rotate_')) {
    it(`matches PIL's Image.rotate exactly: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      expectFixture(rotate(inputImage(f), p.angle, opts(p)), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_rotate_')) {
    it(`matches torchvision's tensor rotate: ${f.name}`, () => {
      const p = f.params as unknown as Params;
      const tol = f.expected.y!.dtype === 'float32' ? TENSOR_TOL : 0;
      expectFixture(rotate(fixtureTensor(f.inputs.x!), p.angle, opts(p)), f.expected.y!, tol);
    });
  }
});

describe('rotate', () => {
  it('turns by quarter turns exactly, counter-clockwise', () => {
    const img = new Image(2, 1, 'L', Uint8Array.of(1, 2));
    const r90 = rotate(img, 90, { expand: true });
    expect(r90.size).toEqual([1, 2]);
    expect(Array.from(r90.data)).toEqual([2, 1]);
    expect(Array.from(rotate(img, -180).data)).toEqual([2, 1]);
    expect(Array.from(rotate(img, 360).data)).toEqual([1, 2]);
  });

  it('fills pixels from outside the image', () => {
    const y = rotate(Image.new('RGB', [9, 9], [10, 20, 30]), 45, { fill: [1, 2, 3] });
    expect(y.getPixel(0, 0)).toEqual([1, 2, 3]);
    expect(y.getPixel(4, 4)).toEqual([10, 20, 30]);
    const t = rotate(ones([1, 9, 9]), 45, { fill: 0.25, interpolation: 'bilinear' });
    expect(t.dataSync()[0]).toBeCloseTo(0.25, 6);
  });

  it('keeps the leading dimensions and int32 dtype of tensors', () => {
    expect(rotate(rand([2, 2, 3, 8, 6]), 30, { expand: true }).shape.slice(0, 3)).toEqual([2, 2, 3]);
    expect(rotate(zeros([3, 8, 8], { dtype: 'int32' }), 10, { interpolation: 'bilinear' }).dtype).toBe('int32');
  });

  it('rejects non-images, tensors of rank < 2 and non-numeric angles', () => {
    expect(() => rotate(undefined as unknown as Image, 10)).toThrow(ArgumentTypeError);
    expect(() => rotate(undefined as unknown as Image, 10)).toThrow('rotate: expected an Image or an image Tensor, got undefined undefined');
    expect(() => rotate(zeros([5]), 10)).toThrow(ShapeError);
    expect(() => rotate(Image.new('L', [2, 2]), '90' as unknown as number)).toThrow(ArgumentTypeError);
    expect(() => rotate(Image.new('L', [2, 2]), '90' as unknown as number)).toThrow('rotate: angle should be a number of degrees, got string 90');
    expect(() => rotate(Image.new('L', [2, 2]), Number.NaN)).toThrow('rotate: angle should be a finite number, got number NaN');
  });

  it('rejects unsupported interpolations, bad centres and fills of the wrong length', () => {
    const img = Image.new('RGB', [4, 4]);
    expect(() => rotate(img, 10, { interpolation: 'lanczos' })).toThrow(ValueError);
    expect(() => rotate(img, 10, { interpolation: 'lanczos' })).toThrow("rotate: interpolation 'lanczos' cannot be used on an Image (PIL's transform takes 'nearest', 'bilinear' or 'bicubic')");
    expect(() => rotate(zeros([3, 4, 4]), 10, { interpolation: 'bicubic' })).toThrow("rotate: interpolation 'bicubic' is unsupported with Tensor input (use 'nearest' or 'bilinear')");
    expect(() => rotate(img, 10, { center: [1] as unknown as [number, number] })).toThrow('rotate: center should be a list of two numbers [x, y], got [1]');
    expect(() => rotate(img, 10, { fill: [1, 2] })).toThrow("rotate: the number of elements in 'fill' does not match the number of channels of the image (2 != 3)");
    expect(() => rotate(zeros([3, 4, 4]), 10, { fill: [1, 2] })).toThrow(
      "rotate: the number of elements in 'fill' cannot broadcast to match the number of channels of the image (2 != 3)",
    );
  });
});
