import { ArgumentTypeError, ShapeError, ValueError, ones, rand, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { crop } from './crop';

interface CropParams {
  top: number;
  left: number;
  height: number;
  width: number;
}

describe('crop parity', () => {
  it('matches the shared reference fixture vision_crop', () => {
    const f = referenceFixture('vision_crop');
    const p = f.params as unknown as CropParams;
    expectFixture(crop(fixtureImage(f.inputs.image_hwc_uint8!), p.top, p.left, p.height, p.width), f.expected.y!);
  });
  for (const f of geometryFixtures('pil_crop_')) {
    it(`zero-fills outside the image like PIL: ${f.name}`, () => {
      const p = f.params as unknown as CropParams;
      expectFixture(crop(inputImage(f), p.top, p.left, p.height, p.width), f.expected.y!);
    });
  }
  for (const f of geometryFixtures('tensor_crop_')) {
    it(`pads outside the image like torchvision: ${f.name}`, () => {
      const p = f.params as unknown as CropParams;
      expectFixture(crop(fixtureTensor(f.inputs.x!), p.top, p.left, p.height, p.width), f.expected.y!);
    });
  }
});

describe('crop', () => {
  it('cuts a region of an Image', () => {
    const img = new Image(3, 2, 'L', Uint8Array.of(1, 2, 3, 4, 5, 6));
    const y = crop(img, 1, 1, 1, 2);
    expect(y.size).toEqual([2, 1]);
    expect(Array.from(y.data)).toEqual([5, 6]);
  });

  it('returns zeros for a region entirely outside the image', () => {
    expect(Array.from(crop(Image.new('RGB', [2, 2], 9), 5, 5, 1, 2).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(crop(ones([3, 2, 2]), -4, 0, 2, 2).tolist()).toEqual(zeros([3, 2, 2]).tolist());
  });

  it('keeps tensor dtype, leading dimensions and gradients', () => {
    const x = rand([2, 3, 5, 6], { requiresGrad: true });
    const y = crop(x, -1, 2, 4, 5);
    expect(y.shape).toEqual([2, 3, 4, 5]);
    y.sum().backward();
    expect(x.grad?.sum().item()).toBe(2 * 3 * 3 * 4);
    expect(crop(zeros([4, 4], { dtype: 'int32' }), 0, 0, 2, 2).dtype).toBe('int32');
  });

  it('allows empty crops', () => {
    expect(crop(Image.new('RGB', [4, 4]), 1, 1, 0, 3).size).toEqual([3, 0]);
    expect(crop(zeros([3, 4, 4]), 1, 1, 2, 0).shape).toEqual([3, 2, 0]);
  });

  it('rejects a non-image argument and tensors of rank < 2', () => {
    expect(() => crop(null as unknown as Image, 0, 0, 1, 1)).toThrow(ArgumentTypeError);
    expect(() => crop(null as unknown as Image, 0, 0, 1, 1)).toThrow('crop: expected an Image or an image Tensor, got null');
    expect(() => crop(zeros([4]), 0, 0, 1, 1)).toThrow(ShapeError);
    expect(() => crop(zeros([4]), 0, 0, 1, 1)).toThrow('crop: expected an image tensor [..., H, W] (rank >= 2), got shape [4]');
  });

  it('rejects negative sizes and non-integer coordinates', () => {
    const img = Image.new('RGB', [4, 4]);
    expect(() => crop(img, 0, 0, -1, 2)).toThrow(ValueError);
    expect(() => crop(img, 0, 0, -1, 2)).toThrow('crop: height and width must be non-negative, got height=-1, width=2');
    expect(() => crop(zeros([3, 4, 4]), 0, 0, 2, -3)).toThrow('crop: height and width must be non-negative, got height=2, width=-3');
    expect(() => crop(img, 0.5, 0, 1, 1)).toThrow('crop: top should be an integer, got number 0.5');
    expect(() => crop(img, 0, '1' as unknown as number, 1, 1)).toThrow(ArgumentTypeError);
    expect(() => crop(img, 0, '1' as unknown as number, 1, 1)).toThrow('crop: left should be an integer, got string 1');
  });
});
