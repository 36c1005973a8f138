import { rand, ShapeError, ValueError } from '@dl/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Image } from '../image/image';
import {
  expectImageClose,
  expectTensorClose,
  outputCase,
  paramsCase,
  paramsCases,
  seeded,
  smallImage,
  smallTensor,
  throwsExactly,
  valuesOf,
} from '../../test/support/transform-fixtures';
import { InterpolationMode } from './functional/interpolation-mode';
import { RandomResizedCrop } from './random-resized-crop';
import { stack } from '@dl/core';

describe('RandomResizedCrop', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(paramsCases('rrc_'))('getParams draws what torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const { height, width, scale, ratio } = c.args as { height: number; width: number; scale: number[]; ratio: number[] };
    const got = seeded(c.seed, () => RandomResizedCrop.getParams(Image.new('L', [width, height]), scale, ratio));
    expect(got).toEqual(c.expected);
  });

  it.each([0, 1, 2])('crops and resizes the Image as torchvision does after manualSeed(%i)', (s) => {
    const c = outputCase(`random_resized_crop_${s}`);
    expectImageClose(seeded(c.seed, () => new RandomResizedCrop(8)(smallImage())), c.y);
  });

  it.each([0, 1, 2])('crops a batch [N, C, H, W] with one crop for all, as torchvision (seed %i)', (s) => {
    const c = outputCase(`tensor_rrc_batch_${s}`);
    const x = smallTensor();
    const batch = stack([x, x.flip(-1)]);
    // the crop is exact; the antialiased tensor resize is within one float32 ulp of PyTorch's
    expectTensorClose(seeded(c.seed, () => new RandomResizedCrop(6)(batch)), c.y, 1e-6);
  });

  it('keeps the input kind and repeats exactly under the same seed', () => {
    const t = new RandomResizedCrop([5, 7], { interpolation: InterpolationMode.NEAREST });
    const img = smallImage();
    const a = seeded(7, () => [t(img), t(img)]);
    const b = seeded(7, () => [t(img), t(img)]);
    expect(a[0]).toBeInstanceOf(Image);
    expect(a[0]!.size).toEqual([7, 5]);
    expect(a.map(valuesOf)).toEqual(b.map(valuesOf));
    const c = seeded(8, () => [t(img), t(img)]);
    expect(c.map(valuesOf)).not.toEqual(a.map(valuesOf));
    expect(t(rand([3, 12, 16])).shape).toEqual([3, 5, 7]);
  });

  it('prints its repr (torchvision 0.14 prints a stray parenthesis after the interpolation; this does not)', () => {
    expect(String(new RandomResizedCrop(224))).toBe(
      'RandomResizedCrop(size=(224, 224), scale=(0.08, 1.0), ratio=(0.75, 1.3333), interpolation=bilinear, antialias=True)',
    );
    expect(String(new RandomResizedCrop([3, 4], { scale: [0.5, 1], ratio: [1, 2], interpolation: InterpolationMode.BICUBIC, antialias: false }))).toBe(
      'RandomResizedCrop(size=[3, 4], scale=(0.5, 1.0), ratio=(1.0, 2.0), interpolation=bicubic, antialias=False)',
    );
  });

  it('warns, as torchvision, when scale or ratio is not (min, max)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    new RandomResizedCrop(4, { scale: [1, 0.5] });
    expect(warn).toHaveBeenCalledWith('RandomResizedCrop: Scale and ratio should be of kind (min, max), got scale [1, 0.5] and ratio [0.75, 1.3333333333333333]');
  });

  it('rejects bad sizes, scales, ratios and interpolations', () => {
    throwsExactly(() => new RandomResizedCrop([1, 2, 3]), ValueError, 'RandomResizedCrop: Please provide only two dimensions (h, w) for size. Got 3 values: [1, 2, 3]');
    throwsExactly(() => new RandomResizedCrop(4, { scale: [0.5] as never }), ValueError, 'RandomResizedCrop: scale should be a sequence of length 2, got length 1: [0.5]');
    throwsExactly(() => new RandomResizedCrop(4, { interpolation: 'cubic' as never }), ValueError, `RandomResizedCrop: interpolation should be one of 'nearest', 'nearest-exact', 'bilinear', 'bicubic', 'box', 'hamming', 'lanczos', got "cubic"`);
    throwsExactly(() => new RandomResizedCrop(4)(rand([5]) as never), ShapeError, 'RandomResizedCrop: expected an image tensor [..., H, W] (rank >= 2), got shape [5]');
  });

  it('rebuilds from its workerSpec', () => {
    const t = new RandomResizedCrop(8, { scale: [0.5, 1] });
    const spec = t.workerSpec()!;
    expect(spec.export).toBe('RandomResizedCrop');
    const copy = new RandomResizedCrop(...(spec.args as [number, object]));
    expect(String(copy)).toBe(String(t));
  });
});
