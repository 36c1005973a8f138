import { ArgumentTypeError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { colorFixture, expectTensor, imageOf, referenceFixture, throwsExactly } from '../../../test/support/color-fixtures';
import { toTensor } from './to-tensor';

describe('toTensor', () => {
  it('matches the torchvision reference (ToTensor on a PIL image)', () => {
    const ref = referenceFixture('vision_to_tensor');
    // The reference prints 7 significant digits (one float32 step near 1 is 6e-8); the bit-exact check is below.
    expectTensor(toTensor(imageOf(ref.inputs.image_hwc_uint8!)), ref.expected.y!, 1.2e-7);
  });

  it.each(['rgb', 'l', 'rgba'])('gives torchvision values bit for bit for a %s image', (name) => {
    const fx = colorFixture('color_to_tensor');
    expectTensor(toTensor(imageOf(fx.inputs[name]!)), fx.expected[name]!);
  });

  it('puts channels first', () => {
    const t = toTensor(new Image(2, 1, 'RGB', Uint8Array.of(255, 0, 51, 0, 255, 0)));
    expect(t.shape).toEqual([3, 1, 2]);
    expect(t.tolist()).toEqual([[[1, 0]], [[0, 1]], [[Math.fround(0.2), 0]]]);
  });

  it('converts a 224x224 RGB image in one pass (hundreds of images per second)', () => {
    const img = new Image(224, 224, 'RGB', Uint8Array.from({ length: 224 * 224 * 3 }, (_, i) => i % 251));
    toTensor(img);
    const start = performance.now();
    for (let i = 0; i < 20; i++) toTensor(img).dispose();
    expect((performance.now() - start) / 20).toBeLessThan(20);
  });

  it('rejects tensors and other values', () => {
    throwsExactly(() => toTensor(rand([3, 2, 2]) as never), ArgumentTypeError, 'toTensor: expected an Image, got a float32 tensor of shape [3, 2, 2] (use convertImageDtype to rescale a tensor)');
    throwsExactly(() => toTensor(null as never), ArgumentTypeError, 'toTensor: expected an Image, got null');
  });
});
