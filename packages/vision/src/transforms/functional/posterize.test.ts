import { DTypeError, ValueError, rand } from '@dl/core';
import { describe, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { posterize } from './posterize';

describe('posterize', () => {
  const fx = colorFixture('color_posterize');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s', (_, c) => {
    expectResult(posterize(fixtureInput(fx, c.input), c.args[0] as number), c.expected);
  });

  it('rejects bits outside 0..8, float tensors and RGBA images', () => {
    throwsExactly(() => posterize(Image.new('RGB', [1, 1]), 9), ValueError, 'posterize: bits must be an integer from 0 to 8, got 9');
    throwsExactly(() => posterize(Image.new('RGB', [1, 1]), -1), ValueError, 'posterize: bits must be an integer from 0 to 8, got -1');
    throwsExactly(() => posterize(Image.new('RGB', [1, 1]), 2.5), ValueError, 'posterize: bits must be an integer from 0 to 8, got 2.5');
    throwsExactly(() => posterize(rand([3, 2, 2]), 4), DTypeError, "posterize: expected an int32 8-bit image tensor (torchvision's uint8), got dtype float32");
    throwsExactly(() => posterize(Image.new('RGBA', [1, 1]), 4), ValueError, "posterize: PIL's ImageOps supports mode L or RGB images, got mode RGBA (convert it first, e.g. img.convert('RGB'))");
  });
});
