import { DTypeError, ShapeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectResult, fixtureCases, fixtureInput, throwsExactly } from '../../../test/support/color-fixtures';
import { equalize } from './equalize';
import { pilToTensor } from './pil-to-tensor';

describe('equalize', () => {
  const fx = colorFixture('color_equalize');

  it.each(fixtureCases(fx).map((c) => [c.key, c] as const))('matches torchvision for %s', (_, c) => {
    expectResult(equalize(fixtureInput(fx, c.input)), c.expected);
  });

  it('gives the same levels for an Image and its tensor', () => {
    const img = new Image(4, 2, 'RGB', Uint8Array.from({ length: 24 }, (_, i) => (i * 37) % 256));
    expect(equalize(pilToTensor(img)).tolist()).toEqual(pilToTensor(equalize(img)).tolist());
  });

  it('rejects float tensors, values outside 0..255, 4 channels and RGBA images', () => {
    throwsExactly(() => equalize(rand([3, 2, 2])), DTypeError, "equalize: expected an int32 8-bit image tensor (torchvision's uint8), got dtype float32");
    throwsExactly(() => equalize(tensor(Int32Array.of(1, 300)).reshape([1, 1, 2])), ValueError, 'equalize: an int32 image tensor holds 8-bit values 0..255, got 300');
    throwsExactly(() => equalize(tensor(new Int32Array(16)).reshape([4, 2, 2])), ShapeError, 'equalize: expected an image tensor with 1 or 3 channels ([..., 1 or 3, H, W]), got 4 channels (shape [4, 2, 2])');
    throwsExactly(() => equalize(Image.new('RGBA', [1, 1])), ValueError, "equalize: PIL's ImageOps supports mode L or RGB images, got mode RGBA (convert it first, e.g. img.convert('RGB'))");
  });
});
