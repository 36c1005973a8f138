import { ArgumentTypeError, ShapeError, rand, tensor, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { hflip } from './hflip';

describe('hflip', () => {
  it('matches the shared reference fixture vision_hflip and the PIL/tensor fixtures', () => {
    const f = referenceFixture('vision_hflip');
    expectFixture(hflip(fixtureImage(f.inputs.image_hwc_uint8!)), f.expected.y!);
    for (const g of geometryFixtures('pil_hflip_')) expectFixture(hflip(inputImage(g)), g.expected.y!);
    for (const g of geometryFixtures('tensor_hflip_')) expectFixture(hflip(fixtureTensor(g.inputs.x!)), g.expected.y!);
  });

  it('mirrors whole pixels of multi-channel Images', () => {
    const img = new Image(2, 1, 'RGB', Uint8Array.of(1, 2, 3, 4, 5, 6));
    expect(Array.from(hflip(img).data)).toEqual([4, 5, 6, 1, 2, 3]);
    expect(Array.from(img.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('flips the last dimension of tensors of any rank >= 2', () => {
    expect(hflip(tensor([[1, 2, 3]])).tolist()).toEqual([[3, 2, 1]]);
    expect(hflip(rand([2, 2, 3, 4, 5])).shape).toEqual([2, 2, 3, 4, 5]);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => hflip([1, 2] as unknown as Image)).toThrow(ArgumentTypeError);
    expect(() => hflip([1, 2] as unknown as Image)).toThrow('hflip: expected an Image or an image Tensor, got an object (Array)');
    expect(() => hflip(zeros([3]))).toThrow(ShapeError);
    expect(() => hflip(zeros([3]))).toThrow('hflip: expected an image tensor [..., H, W] (rank >= 2), got shape [3]');
  });
});
