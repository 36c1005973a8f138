import { ArgumentTypeError, DTypeError, permute, reshape, stack, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Image } from '../../image/image';
import { throwsExactly } from '../../../test/support/transform-fixtures';
import { modelsJson } from '../../../test/support/model-fixtures';
import type { ModelFixtureArray } from '../../../test/support/model-rule-weights';
import { ImageClassification, type ImageClassificationOptions } from './image-classification';

interface Case {
  kwargs: { crop_size: number; resize_size: number; interpolation?: 'bicubic'; mean?: number[]; std?: number[] };
  repr: string;
  pil: ModelFixtureArray;
  tensor_noaa: ModelFixtureArray;
  tensor_aa: ModelFixtureArray;
}
const fx = modelsJson<{ image: ModelFixtureArray; cases: Case[] }>('image_classification.json');
const [h, w] = fx.image.shape as [number, number];
const img = new Image(w, h, 'RGB', Uint8Array.from(fx.image.data));
const chw = permute(reshape(tensor(Int32Array.from(fx.image.data)), [h, w, 3]), [2, 0, 1]);

function options(c: Case, antialias?: boolean): ImageClassificationOptions {
  return { cropSize: c.kwargs.crop_size, resizeSize: c.kwargs.resize_size, interpolation: c.kwargs.interpolation, mean: c.kwargs.mean, std: c.kwargs.std, antialias };
}

function maxDiff(a: Float32Array | Int32Array | Uint8Array, e: ModelFixtureArray): number {
  return e.data.reduce((m, v, i) => Math.max(m, Math.abs(a[i]! - v)), 0);
}

describe('ImageClassification', () => {
  it.each(fx.cases.map((c, i) => [i, c] as const))("preprocesses an Image as torchvision's preset does on PIL (case %i)", (_, c) => {
    const out = new ImageClassification(options(c))(img);
    expect(out.dtype).toBe('float32');
    expect(out.shape).toEqual(c.pil.shape);
    expect(maxDiff(out.dataSync(), c.pil)).toBeLessThan(1e-5);
  });

  it.each(fx.cases.map((c, i) => [i, c] as const))("preprocesses an int32 tensor with antialiasing (@dl's default) and without (torchvision 0.14's) (case %i)", (_, c) => {
    const aa = new ImageClassification(options(c))(chw);
    expect(aa.shape).toEqual(c.tensor_aa.shape);
    expect(maxDiff(aa.dataSync(), c.tensor_aa)).toBeLessThan(1e-5);
    const plain = new ImageClassification(options(c, false))(chw);
    expect(maxDiff(plain.dataSync(), c.tensor_noaa)).toBeLessThan(1e-5);
  });

  it('takes batches', () => {
    const t = new ImageClassification({ cropSize: 8, resizeSize: 10 });
    const one = t(chw);
    const batch = t(stack([chw, chw]));
    expect(batch.shape).toEqual([2, 3, 8, 8]);
    expect(Array.from(batch.dataSync().subarray(0, one.numel()))).toEqual(Array.from(one.dataSync()));
  });

  it("prints torchvision's repr and rebuilds in a worker from its options", () => {
    for (const c of fx.cases) expect(String(new ImageClassification(options(c)))).toBe(c.repr);
    expect(new ImageClassification({ cropSize: 224 }).workerSpec()).toMatchObject({
      export: 'ImageClassification',
      args: [{ cropSize: 224, resizeSize: 256, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], interpolation: 'bilinear', antialias: true }],
    });
  });

  it('rejects bad options and inputs', () => {
    throwsExactly(() => new ImageClassification(undefined as never), ArgumentTypeError, 'ImageClassification: expected an options object with cropSize, got undefined');
    throwsExactly(() => new ImageClassification({ cropSize: 0 }), ValueError, 'ImageClassification: cropSize must be a positive integer, got number 0');
    throwsExactly(() => new ImageClassification({ cropSize: 4, mean: [0.5, 0.5], std: [0.5] }), ValueError, 'ImageClassification: mean and std must have one value per channel each, got 2 means and 1 stds');
    throwsExactly(() => new ImageClassification({ cropSize: 4, std: [] }), ArgumentTypeError, 'ImageClassification: std must be a non-empty array of finite numbers, got []');
    throwsExactly(() => new ImageClassification({ cropSize: 4 })('cat.jpg' as never), ArgumentTypeError, 'ImageClassification: expected an Image or an image Tensor, got string cat.jpg');
    expect(() => new ImageClassification({ cropSize: 4 })(tensor([[[true]]]))).toThrow(DTypeError);
  });
});
