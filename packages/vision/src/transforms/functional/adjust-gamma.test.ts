import { ShapeError, ValueError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { adjustGamma } from './adjust-gamma';

describe('adjustGamma', () => {
  const fx = colorFixture('color_adjust_gamma');
  const ramp = colorFixture('color_adjust_gamma_ramp');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s (PIL images exact, uint8 tensors exact, float to 1e-6)', (_, c) => {
    const [gamma, gain] = c.args as [number, number];
    expectResult(adjustGamma(fixtureInput(fx, c.input), gamma, gain), c.expected, c.input === 'f32' ? 1e-6 : 0);
  });

  it.each(fixtureCases(ramp).map((c) => [JSON.stringify(c.args), c] as const))("matches PIL's lookup table on all 256 levels (gamma, gain %s)", (_, c) => {
    const [gamma, gain] = c.args as [number, number];
    expectResult(adjustGamma(fixtureInput(ramp, c.input), gamma, gain), c.expected);
  });

  it('drops the alpha of an RGBA image to 255, as the RGB round trip in PIL does', () => {
    const out = adjustGamma(Image.new('RGBA', [1, 1], [64, 128, 255, 10]), 1);
    expect(out.mode).toBe('RGBA');
    expect(out.getPixel(0, 0)).toEqual([64, 128, 255, 255]);
  });

  it('rejects a negative gamma and a 4-channel tensor', () => {
    throwsExactly(() => adjustGamma(Image.new('RGB', [1, 1]), -1), ValueError, 'adjustGamma: gamma must be non-negative, got -1');
    throwsExactly(() => adjustGamma(rand([4, 2, 2]), 2), ShapeError, 'adjustGamma: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [4, 2, 2])');
  });
});
