import { ArgumentTypeError, DTypeError, ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectTensor, fixtureInput, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { normalize } from './normalize';
import { toTensor } from './to-tensor';

describe('normalize', () => {
  const fx = colorFixture('color_normalize');
  const mean = fx.params.mean as number[];
  const std = fx.params.std as number[];

  it('matches the torchvision reference (Compose([ToTensor(), Normalize(mean, std)]))', () => {
    const ref = referenceFixture('vision_normalize');
    // The reference prints 7 significant digits (up to 5e-7 off for values above 1); the bit-exact check is below.
    expectTensor(normalize(toTensor(imageOf(ref.inputs.image_hwc_uint8!)), ref.params.mean as number[], ref.params.std as number[]), ref.expected.y!, 6e-7);
  });

  it('gives torchvision values bit for bit on a batch, with per-channel and single values', () => {
    const x = fixtureInput(fx, 'f32') as never;
    expectTensor(normalize(x, mean, std), fx.expected.f32!);
    expectTensor(normalize(x, fx.params.mean1 as number[], fx.params.std1 as number[]), fx.expected.f32_1!);
  });

  it('changes the tensor itself only with inplace', () => {
    const x = tensor([[[0.5]], [[0.5]]]);
    const y = normalize(x, [0.5, 0], [1, 0.5]);
    expect([x.tolist(), y.tolist()]).toEqual([[[[0.5]], [[0.5]]], [[[0]], [[1]]]]);
    expect(normalize(x, [0.5, 0], [1, 0.5], true)).toBe(x);
    expect(x.tolist()).toEqual([[[0]], [[1]]]);
  });

  it('rejects Images, int tensors, a zero std, a rank-2 tensor and a mean of the wrong length', () => {
    throwsExactly(() => normalize(Image.new('RGB', [1, 1]) as never, [0], [1]), ArgumentTypeError, 'normalize: expected a Tensor, got <Image mode=RGB size=1x1> (convert an Image with toTensor() or pilToTensor() first)');
    throwsExactly(() => normalize(tensor(Int32Array.of(1, 2, 3)).reshape([3, 1, 1]), [0], [1]), DTypeError, 'normalize: expected a float32 tensor, got dtype int32 (convert an 8-bit tensor with convertImageDtype first)');
    throwsExactly(() => normalize(rand([3, 2, 2]), [0.5, 0.5, 0.5], [0.2, 0, 0.2]), ValueError, 'normalize: std evaluated to zero after conversion to float32, leading to division by zero (std [0.2, 0, 0.2])');
    throwsExactly(() => normalize(rand([3, 2, 2]), [0.5], [1e-50]), ValueError, 'normalize: std evaluated to zero after conversion to float32, leading to division by zero (std [1e-50])');
    throwsExactly(() => normalize(rand([4, 4]), [0.5], [0.5]), ShapeError, 'normalize: expected a tensor image [..., C, H, W] (rank >= 3), got shape [4, 4]');
    throwsExactly(() => normalize(rand([3, 2, 2]), [0.5, 0.5], [0.5]), ShapeError, 'normalize: mean has 2 values, expected 1 or one per channel (3) for a tensor of shape [3, 2, 2]');
    throwsExactly(() => normalize(rand([3, 2, 2]), 0.5 as never, [0.5]), ArgumentTypeError, 'normalize: expected mean to be an array of numbers, got 0.5');
  });
});
