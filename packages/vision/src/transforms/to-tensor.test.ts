import { ArgumentTypeError, rand } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../image/image';
import { imageOf, referenceFixture } from '../../test/support/color-fixtures';
import { maxDiff, throwsExactly, torchRepr } from '../../test/support/transform-fixtures';
import { ToTensor } from './to-tensor';

describe('ToTensor', () => {
  it('matches the torchvision reference (float32 CHW in [0, 1])', () => {
    const ref = referenceFixture('vision_to_tensor');
    const y = new ToTensor()(imageOf(ref.inputs.image_hwc_uint8!));
    expect([y.dtype, y.shape]).toEqual(['float32', ref.expected.y!.shape]);
    expect(maxDiff(y.dataSync(), ref.expected.y!.data)).toBeLessThan(1e-6);
  });

  it('converts gray and RGBA Images', () => {
    expect(new ToTensor()(Image.new('L', [2, 1], 51)).tolist()).toEqual([[[0.2, 0.2]]].map((c) => c.map((r) => r.map((v) => Math.fround(v)))));
    expect(new ToTensor()(Image.new('RGBA', [1, 1], [255, 0, 0, 0])).shape).toEqual([4, 1, 1]);
  });

  it('prints ToTensor() and rebuilds from an empty workerSpec', () => {
    expect(String(new ToTensor())).toBe(torchRepr('ToTensor()'));
    expect(new ToTensor().workerSpec()).toMatchObject({ export: 'ToTensor', args: [] });
  });

  it('rejects a tensor, as torchvision (pic should be a PIL Image)', () => {
    throwsExactly(() => new ToTensor()(rand([3, 2, 2]) as never), ArgumentTypeError, 'toTensor: expected an Image, got a float32 tensor of shape [3, 2, 2] (use convertImageDtype to rescale a tensor)');
  });
});
