import { ArgumentTypeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { gaussianBlur } from './gaussian-blur';

describe('gaussianBlur', () => {
  const fx = colorFixture('color_gaussian_blur');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    const [k, sigma] = c.args as [number[], number[] | null];
    expectResult(gaussianBlur(fixtureInput(fx, c.input), k, sigma ?? undefined), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('keeps a flat image flat, the mode and the shape', () => {
    const img = Image.new('RGBA', [5, 4], [10, 20, 30, 40]);
    const out = gaussianBlur(img, 3);
    expect([out.mode, Array.from(out.data)]).toEqual(['RGBA', Array.from(img.data)]);
    expect(gaussianBlur(rand([2, 3, 8, 8]), [3, 5], [0.5, 1]).shape).toEqual([2, 3, 8, 8]);
    const flat = gaussianBlur(tensor(Int32Array.from({ length: 9 }, () => 7)).reshape([3, 3]), 3, 2);
    expect([flat.dtype, flat.tolist()]).toEqual(['int32', [[7, 7, 7], [7, 7, 7], [7, 7, 7]]]);
  });

  it('rejects even, negative or missing kernel sizes, non-positive sigmas and kernels larger than the image', () => {
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), 4), ValueError, 'gaussianBlur: kernelSize must be odd positive integers, got 4');
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), [3, -1]), ValueError, 'gaussianBlur: kernelSize must be odd positive integers, got [3,-1]');
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), [3, 3, 3]), ValueError, 'gaussianBlur: kernelSize must have 1 or 2 values, got 3 ([3,3,3])');
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), 3, 0), ValueError, 'gaussianBlur: sigma must be positive, got 0');
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), 3, [1, -2]), ValueError, 'gaussianBlur: sigma must be positive, got [1,-2]');
    throwsExactly(() => gaussianBlur(rand([3, 8, 8]), '3' as never), ArgumentTypeError, 'gaussianBlur: expected kernelSize to be a number or [x, y] numbers, got "3"');
    throwsExactly(() => gaussianBlur(Image.new('L', [2, 9]), 5), ValueError, 'gaussianBlur: a 5x5 kernel reflect-pads by (2, 2), which must be less than the image width and height, got a 2x9 image');
  });
});
