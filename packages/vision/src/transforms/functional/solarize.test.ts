import { ArgumentTypeError, ValueError, rand, tensor } from '@dl/core';
import { describe, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { solarize } from './solarize';

describe('solarize', () => {
  const fx = colorFixture('color_solarize');
  const fl = colorFixture('color_solarize_float');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s', (_, c) => {
    expectResult(solarize(fixtureInput(fx, c.input), c.args[0] as number), c.expected);
  });

  it.each(fixtureCases(fl).map((c) => [c.key, c] as const))('matches torchvision on float tensors for %s', (_, c) => {
    expectResult(solarize(fixtureInput(fl, c.input), c.args[0] as number), c.expected, 1e-6);
  });

  it("rejects a threshold above the tensor's range, a non-number and RGBA images", () => {
    throwsExactly(() => solarize(rand([3, 2, 2]), 1.5), ValueError, 'solarize: threshold must be at most 1 for a float32 image tensor, got 1.5');
    throwsExactly(() => solarize(tensor(Int32Array.of(1)).reshape([1, 1, 1]), 256), ValueError, 'solarize: threshold must be at most 255 for a int32 image tensor, got 256');
    throwsExactly(() => solarize(Image.new('L', [1, 1]), null as never), ArgumentTypeError, 'solarize: expected threshold to be a number, got null');
    throwsExactly(() => solarize(Image.new('RGBA', [1, 1]), 128), ValueError, "solarize: PIL's ImageOps supports mode L or RGB images, got mode RGBA (convert it first, e.g. img.convert('RGB'))");
  });
});
