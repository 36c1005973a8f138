import { ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { invert } from './invert';

describe('invert', () => {
  const fx = colorFixture('color_invert');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s', (_, c) => {
    expectResult(invert(fixtureInput(fx, c.input)), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('keeps the dtype of 8-bit tensors', () => {
    const out = invert(tensor(Int32Array.of(0, 55, 255)).reshape([1, 1, 3]));
    expect([out.dtype, out.tolist()]).toEqual(['int32', [[[255, 200, 0]]]]);
  });

  it('refuses RGBA images (as PIL does), rank-2 tensors and 4 channels', () => {
    throwsExactly(() => invert(Image.new('RGBA', [1, 1])), ValueError, "invert: PIL's ImageOps supports mode L or RGB images, got mode RGBA (convert it first, e.g. img.convert('RGB'))");
    throwsExactly(() => invert(rand([2, 2])), ShapeError, 'invert: expected an image tensor [..., C, H, W] (rank >= 3), got shape [2, 2]');
    throwsExactly(() => invert(rand([4, 2, 2])), ShapeError, 'invert: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [4, 2, 2])');
  });
});
