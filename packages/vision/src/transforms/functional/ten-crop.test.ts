import { ArgumentTypeError, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureTensor, geometryFixtures, inputImage } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { tenCrop } from './ten-crop';

describe('tenCrop', () => {
  for (const f of [...geometryFixtures('pil_ten_crop'), ...geometryFixtures('tensor_ten_crop')]) {
    it(`matches torchvision's ten_crop: ${f.name}`, () => {
      const x = f.name.startsWith('pil_') ? inputImage(f) : fixtureTensor(f.inputs.x!);
      const crops = tenCrop(x, f.params.size as number[], (f.params.verticalFlip as boolean | undefined) ?? false);
      expect(crops).toHaveLength(10);
      crops.forEach((c, i) => expectFixture(c, f.expected[`y${i}`]!));
    });
  }

  it('adds the crops of the mirrored image', () => {
    const img = new Image(3, 1, 'L', Uint8Array.of(1, 2, 3));
    expect(tenCrop(img, [1, 1]).map((c) => c.data[0])).toEqual([1, 3, 1, 3, 2, 3, 1, 3, 1, 2]);
  });

  it('rejects what fiveCrop rejects, naming tenCrop for bad sizes', () => {
    expect(() => tenCrop(zeros([3, 4, 4]), [2, 2, 2])).toThrow(ValueError);
    expect(() => tenCrop(zeros([3, 4, 4]), [2, 2, 2])).toThrow('tenCrop: size should be a number or a list of 1 or 2 numbers (h, w), got [2, 2, 2]');
    expect(() => tenCrop(zeros([3, 4, 4]), 5)).toThrow('fiveCrop: requested crop size [5, 5] is bigger than input size [4, 4]');
    expect(() => tenCrop(null as unknown as Image, 2)).toThrow(ArgumentTypeError);
    expect(() => tenCrop(null as unknown as Image, 2)).toThrow('tenCrop: expected an Image or an image Tensor, got null');
  });
});
