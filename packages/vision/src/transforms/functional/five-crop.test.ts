import { ArgumentTypeError, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureTensor, geometryFixtures, inputImage } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { fiveCrop } from './five-crop';

describe('fiveCrop', () => {
  for (const f of [...geometryFixtures('pil_five_crop'), ...geometryFixtures('tensor_five_crop')]) {
    it(`matches torchvision's five_crop: ${f.name}`, () => {
      const x = f.name.startsWith('pil_') ? inputImage(f) : fixtureTensor(f.inputs.x!);
      const crops = fiveCrop(x, f.params.size as number[]);
      expect(crops).toHaveLength(5);
      crops.forEach((c, i) => expectFixture(c, f.expected[`y${i}`]!));
    });
  }

  it('returns top-left, top-right, bottom-left, bottom-right and centre crops', () => {
    const img = new Image(3, 3, 'L', Uint8Array.from({ length: 9 }, (_, i) => i));
    expect(fiveCrop(img, 1).map((c) => c.data[0])).toEqual([0, 2, 6, 8, 4]);
  });

  it('rejects crops bigger than the image and bad sizes', () => {
    expect(() => fiveCrop(Image.new('RGB', [4, 3]), [4, 4])).toThrow(ValueError);
    expect(() => fiveCrop(Image.new('RGB', [4, 3]), [4, 4])).toThrow('fiveCrop: requested crop size [4, 4] is bigger than input size [3, 4]');
    expect(() => fiveCrop(zeros([3, 4, 4]), [1, 2, 3])).toThrow('fiveCrop: size should be a number or a list of 1 or 2 numbers (h, w), got [1, 2, 3]');
    expect(() => fiveCrop('x' as unknown as Image, 2)).toThrow(ArgumentTypeError);
    expect(() => fiveCrop('x' as unknown as Image, 2)).toThrow('fiveCrop: expected an Image or an image Tensor, got string x');
  });
});
