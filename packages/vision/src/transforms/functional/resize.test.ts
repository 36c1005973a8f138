import { ArgumentTypeError, DTypeError, ShapeError, ValueError, ones, rand, tensor, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TENSOR_TOL, expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import type { InterpolationMode } from './interpolation-mode';
import { resize } from './resize';

interface ResizeParams {
  size: number | number[];
  interpolation?: InterpolationMode;
  maxSize?: number;
  antialias?: boolean;
}

describe('resize on Images (PIL parity, exact)', () => {
  for (const f of geometryFixtures('pil_resize_')) {
    it(`matches PIL's Image.resize: ${f.name}`, () => {
      const p = f.params as unknown as ResizeParams;
      expectFixture(resize(inputImage(f), p.size, { interpolation: p.interpolation, maxSize: p.maxSize }), f.expected.y!);
    });
  }
  for (const name of ['vision_resize_bilinear', 'vision_resize_short_side', 'vision_resize_nearest']) {
    it(`matches the shared reference fixture ${name}`, () => {
      const f = referenceFixture(name);
      const p = f.params as unknown as ResizeParams;
      expectFixture(resize(fixtureImage(f.inputs.image_hwc_uint8!), p.size, { interpolation: p.interpolation }), f.expected.y!);
    });
  }
});

describe('resize on tensors (torchvision tensor path)', () => {
  for (const f of geometryFixtures('tensor_resize_')) {
    it(`matches torchvision: ${f.name}`, () => {
      const p = f.params as unknown as ResizeParams;
      const y = resize(fixtureTensor(f.inputs.x!), p.size, { interpolation: p.interpolation, maxSize: p.maxSize, antialias: p.antialias });
      expectFixture(y, f.expected.y!, f.expected.y!.dtype === 'float32' ? TENSOR_TOL : 0);
    });
  }
});

describe('resize', () => {
  it('scales the smaller edge to a single size, keeping the aspect ratio (truncated)', () => {
    expect(resize(Image.new('RGB', [320, 240]), 224).size).toEqual([298, 224]);
    expect(resize(Image.new('L', [240, 320]), [224]).size).toEqual([224, 298]);
    expect(resize(zeros([3, 240, 320]), 100).shape).toEqual([3, 100, 133]);
  });

  it('caps the longer edge at maxSize', () => {
    expect(resize(Image.new('RGB', [400, 100]), 50, { maxSize: 120 }).size).toEqual([120, 30]);
    expect(resize(Image.new('RGB', [400, 100]), 20, { maxSize: 120 }).size).toEqual([80, 20]);
  });

  it('returns the input itself when the size does not change', () => {
    const img = Image.new('RGB', [8, 6]);
    expect(resize(img, [6, 8])).toBe(img);
    const t = zeros([3, 6, 8]);
    expect(resize(t, 6)).toBe(t);
  });

  it('keeps leading dimensions and the int32 dtype of tensors', () => {
    expect(resize(rand([2, 2, 3, 8, 8]), [4, 5]).shape).toEqual([2, 2, 3, 4, 5]);
    expect(resize(rand([8, 8]), [4, 5]).shape).toEqual([4, 5]);
    const y = resize(tensor(Int32Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).reshape([3, 4, 4]), [7, 3], { interpolation: 'bicubic' });
    expect(y.dtype).toBe('int32');
    for (const v of y.dataSync()) expect(v >= 0 && v <= 255).toBe(true);
  });

  it('antialiases tensors by default and follows F.interpolate without it', () => {
    const x = rand([1, 16, 16]);
    const aa = resize(x, [4, 4]).dataSync();
    const plain = resize(x, [4, 4], { antialias: false }).dataSync();
    expect(Array.from(aa)).not.toEqual(Array.from(plain));
    // a constant image stays constant either way
    for (const v of resize(ones([3, 10, 10]), [3, 7]).dataSync()) expect(v).toBeCloseTo(1, 6);
  });

  it('is differentiable through F.interpolate without antialias', () => {
    const x = rand([1, 3, 6, 6], { requiresGrad: true });
    resize(x, [3, 3], { antialias: false }).sum().backward();
    expect(x.grad?.sum().item()).toBeCloseTo(9 * 3, 4);
  });

  it('takes nearest-exact on tensors and ignores antialias for nearest modes', () => {
    const x = tensor([[[0, 1, 2, 3, 4, 5]]]);
    expect(resize(x, [1, 3], { interpolation: 'nearest-exact' }).tolist()).toEqual([[[1, 3, 5]]]);
    expect(resize(x, [1, 3], { interpolation: 'nearest', antialias: true }).tolist()).toEqual([[[0, 2, 4]]]);
  });

  it('treats nearest-exact on Images as PIL nearest', () => {
    const img = new Image(6, 1, 'L', Uint8Array.of(0, 10, 20, 30, 40, 50));
    expect(Array.from(resize(img, [1, 3], { interpolation: 'nearest-exact' }).data)).toEqual([10, 30, 50]);
    expect(Array.from(resize(img, [1, 3], { interpolation: 'nearest' }).data)).toEqual([10, 30, 50]);
  });

  it('rejects a non-image argument', () => {
    expect(() => resize('img.png' as unknown as Image, 10)).toThrow(ArgumentTypeError);
    expect(() => resize('img.png' as unknown as Image, 10)).toThrow('resize: expected an Image or an image Tensor, got string img.png');
  });

  it('rejects tensors of rank < 2 and non-image dtypes', () => {
    expect(() => resize(zeros([5]), 3)).toThrow(ShapeError);
    expect(() => resize(zeros([5]), 3)).toThrow('resize: expected an image tensor [..., H, W] (rank >= 2), got shape [5]');
    expect(() => resize(tensor([[true, false]]), 3)).toThrow(DTypeError);
    expect(() => resize(tensor([[true, false]]), 3)).toThrow('resize: expected a float32 image tensor in [0, 1] or an int32 8-bit image tensor, got dtype bool');
  });

  it('rejects bad sizes', () => {
    const img = Image.new('RGB', [8, 8]);
    expect(() => resize(img, 0)).toThrow(ValueError);
    expect(() => resize(img, 0)).toThrow('resize: size must hold positive integers, got 0');
    expect(() => resize(img, [4, -2])).toThrow('resize: size must hold positive integers, got [4, -2]');
    expect(() => resize(img, 2.5)).toThrow('resize: size must hold positive integers, got 2.5');
    expect(() => resize(img, [1, 2, 3])).toThrow(ValueError);
    expect(() => resize(img, [1, 2, 3])).toThrow('resize: size must be a number or a list of 1 or 2 numbers, not a list of 3: [1, 2, 3]');
    expect(() => resize(img, '8' as unknown as number)).toThrow(ArgumentTypeError);
    expect(() => resize(img, '8' as unknown as number)).toThrow('resize: size should be a number or a list of numbers, got string 8');
    expect(() => resize(Image.new('RGB', [1000, 10]), 5, { maxSize: 6 })).toThrow(ValueError);
    expect(() => resize(Image.new('RGB', [1000, 10]), 5, { maxSize: 6 })).toThrow('resize: the 10x1000 image resized to size 5 would be 0x6; both sides must be at least 1');
  });

  it('rejects maxSize with two sizes or not above the size', () => {
    const img = Image.new('RGB', [8, 8]);
    expect(() => resize(img, [4, 4], { maxSize: 10 })).toThrow(ValueError);
    expect(() => resize(img, [4, 4], { maxSize: 10 })).toThrow('resize: maxSize should only be passed if size specifies the length of the smaller edge (a number or a list of one), got size [4, 4]');
    expect(() => resize(img, 4, { maxSize: 4 })).toThrow('resize: maxSize = 4 must be strictly greater than the requested size for the smaller edge size = 4');
    expect(() => resize(img, 4, { maxSize: 4.5 })).toThrow('resize: maxSize should be an integer, got number 4.5');
  });

  it('rejects unknown interpolations and PIL-only filters on tensors', () => {
    expect(() => resize(Image.new('RGB', [8, 8]), 4, { interpolation: 'cubic' as InterpolationMode })).toThrow(ValueError);
    expect(() => resize(Image.new('RGB', [8, 8]), 4, { interpolation: 'cubic' as InterpolationMode })).toThrow(
      "resize: unknown interpolation 'cubic' (expected one of 'nearest', 'nearest-exact', 'bilinear', 'bicubic', 'box', 'hamming', 'lanczos')",
    );
    expect(() => resize(Image.new('RGB', [8, 8]), 4, { interpolation: 2 as unknown as InterpolationMode })).toThrow(ArgumentTypeError);
    expect(() => resize(zeros([3, 8, 8]), 4, { interpolation: 'lanczos' })).toThrow(
      "resize: interpolation 'lanczos' is not supported for tensors (use 'nearest', 'nearest-exact', 'bilinear' or 'bicubic'; PIL's filters need an Image)",
    );
  });
});
