import { ShapeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustSharpness } from './adjust-sharpness';

describe('adjustSharpness', () => {
  const fx = colorFixture('color_adjust_sharpness');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    expectResult(adjustSharpness(fixtureInput(fx, c.input), c.args[0] as number), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it('keeps the border pixels and leaves images under 3x3 as they are', () => {
    const img = new Image(3, 3, 'L', Uint8Array.of(0, 0, 0, 0, 130, 0, 0, 0, 0));
    // The centre becomes the SMOOTH value (5 * 130 / 13 = 50), the border stays.
    expect(Array.from(adjustSharpness(img, 0).data)).toEqual([0, 0, 0, 0, 50, 0, 0, 0, 0]);
    const small = new Image(2, 5, 'RGB', new Uint8Array(30).fill(7));
    expect(Array.from(adjustSharpness(small, 3).data)).toEqual(Array.from(small.data));
    const t = rand([3, 2, 9]);
    expect(adjustSharpness(t, 2)).toBe(t);
  });

  it('rejects a negative factor and a 4-channel tensor', () => {
    throwsExactly(() => adjustSharpness(Image.new('RGB', [4, 4]), -2), ValueError, 'adjustSharpness: factor must be non-negative, got -2');
    throwsExactly(() => adjustSharpness(rand([1, 4, 4, 4]), 2), ShapeError, 'adjustSharpness: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [1, 4, 4, 4])');
  });
});
