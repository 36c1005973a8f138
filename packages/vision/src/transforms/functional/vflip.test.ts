import { ArgumentTypeError, ShapeError, tensor, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureImage, fixtureTensor, geometryFixtures, inputImage, referenceFixture } from '../../../test/geometry-fixtures';
import { Image } from '../../image/image';
import { vflip } from './vflip';

describe('vflip', () => {
  it('matches the shared reference fixture vision_vflip and the PIL/tensor fixtures', () => {
    const f = referenceFixture('vision_vflip');
    expectFixture(vflip(fixtureImage(f.inputs.image_hwc_uint8!)), f.expected.y!);
    for (const g of geometryFixtures('pil_vflip_')) expectFixture(vflip(inputImage(g)), g.expected.y!);
    for (const g of geometryFixtures('tensor_vflip_')) expectFixture(vflip(fixtureTensor(g.inputs.x!)), g.expected.y!);
  });

  it('flips rows of Images and the second-to-last dimension of tensors', () => {
    expect(Array.from(vflip(new Image(2, 2, 'L', Uint8Array.of(1, 2, 3, 4))).data)).toEqual([3, 4, 1, 2]);
    expect(vflip(tensor([[[1, 2], [3, 4]]])).tolist()).toEqual([[[3, 4], [1, 2]]]);
  });

  it('rejects non-images and tensors of rank < 2', () => {
    expect(() => vflip(42 as unknown as Image)).toThrow(ArgumentTypeError);
    expect(() => vflip(42 as unknown as Image)).toThrow('vflip: expected an Image or an image Tensor, got number 42');
    expect(() => vflip(zeros([]))).toThrow(ShapeError);
  });
});
