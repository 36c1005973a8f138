import { ArgumentTypeError, DTypeError, ValueError, rand, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectImage, tensorOf, throwsExactly } from '../../../test/support/color-fixtures';
import { pilToTensor } from './pil-to-tensor';
import { toPilImage } from './to-pil-image';
import { toTensor } from './to-tensor';

describe('toPilImage', () => {
  const fx = colorFixture('color_to_pil_image');
  const modes = fx.params.modes as Record<string, 'L' | 'RGB' | 'RGBA' | null>;

  it.each(Object.keys(fx.expected))('matches torchvision for %s (float times 255, truncated and wrapped like .byte())', (key) => {
    const out = toPilImage(tensorOf(fx.inputs[key]!), modes[key] ?? undefined);
    expectImage(out, fx.expected[key]!);
  });

  it('picks the mode from the channel count and round-trips toTensor and pilToTensor', () => {
    const img = new Image(3, 2, 'RGBA', Uint8Array.from({ length: 24 }, (_, i) => i * 10));
    expect(Array.from(toPilImage(toTensor(img)).data)).toEqual(Array.from(img.data));
    const back = toPilImage(pilToTensor(img));
    expect([back.mode, Array.from(back.data)]).toEqual(['RGBA', Array.from(img.data)]);
    expect(toPilImage(rand([5, 7])).mode).toBe('L');
  });

  it('rejects bad ranks, channel counts, modes, values and inputs', () => {
    throwsExactly(() => toPilImage(rand([1, 3, 2, 2])), ValueError, 'toPilImage: expected a [C, H, W] or [H, W] tensor (2 or 3 dimensions), got 4 dimensions (shape [1, 3, 2, 2])');
    throwsExactly(() => toPilImage(rand([5, 2, 2])), ValueError, 'toPilImage: expected at most 4 channels, got 5 channels (shape [5, 2, 2])');
    throwsExactly(() => toPilImage(rand([2, 2, 2])), ValueError, 'toPilImage: a 2-channel image (PIL mode LA) is not supported: Image holds modes L, RGB and RGBA (shape [2, 2, 2])');
    throwsExactly(() => toPilImage(rand([3, 2, 2]), 'L'), ValueError, 'toPilImage: mode "L" does not fit a 3-channel tensor (expected mode RGB)');
    throwsExactly(() => toPilImage(tensor(Int32Array.of(0, 256)).reshape([1, 1, 2])), ValueError, 'toPilImage: an int32 image tensor holds 8-bit values 0..255, got 256 (clamp it or use a float32 tensor)');
    throwsExactly(() => toPilImage(rand([1, 2, 2]).gt(0)), DTypeError, 'toPilImage: expected a float32 tensor in [0, 1] or an int32 8-bit tensor, got dtype bool');
    throwsExactly(() => toPilImage(Image.new('L', [1, 1]) as never), ArgumentTypeError, 'toPilImage: expected a Tensor, got <Image mode=L size=1x1> (convert an Image with toTensor() or pilToTensor() first)');
  });
});
