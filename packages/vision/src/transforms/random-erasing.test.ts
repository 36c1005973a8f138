import { ArgumentTypeError, rand, ShapeError, stack, tensor, ValueError, zeros } from '@dl/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Image } from '../image/image';
import { expectTensorClose, maxDiff, outputCase, paramsCase, paramsCases, seeded, smallTensor, throwsExactly, torchRepr, valuesOf } from '../../test/support/transform-fixtures';
import { RandomErasing } from './random-erasing';

describe('RandomErasing', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(paramsCases('erasing_'))('getParams draws the rectangle torchvision draws after the same seed (%s)', (name) => {
    const c = paramsCase(name);
    const a = c.args as { shape: number[]; scale: number[]; ratio: number[]; value: number[] | null };
    const got = seeded(c.seed, () => RandomErasing.getParams(zeros(a.shape), a.scale, a.ratio, a.value));
    const expected = c.expected as unknown[];
    expect(got.slice(0, 4)).toEqual(expected.slice(0, 4));
    if (expected.length === 5) {
      // value null: the normal noise [C, h, w], as torch's normal_
      expect(got[4].shape).toEqual([3, expected[2], expected[3]]);
      // @dl/core's normal draws are torch's to about one float32 ulp (its Box-Muller runs in doubles).
      expect(maxDiff(got[4].dataSync(), (expected[4] as number[][][]).flat(2))).toBeLessThan(1e-6);
    }
  });

  it.each([0, 1, 2])("erases with 'random' and with per-channel values as torchvision after manualSeed(%i)", (s) => {
    const noise = outputCase(`random_erasing_${s}`);
    expectTensorClose(seeded(noise.seed, () => new RandomErasing({ p: 1, value: 'random' })(smallTensor())), noise.y, 1e-6);
    const v = outputCase(`random_erasing_value_${s}`);
    expectTensorClose(seeded(v.seed, () => new RandomErasing({ p: 1, value: [0.1, 0.2, 0.3] })(smallTensor())), v.y);
  });

  it('erases the same rectangle across a batch, in place only with inplace', () => {
    const x = rand([3, 10, 12]);
    const batch = stack([x, x]);
    const y = seeded(2, () => new RandomErasing({ p: 1, value: 0.5 })(batch));
    const [first, second] = [y.dataSync().slice(0, 360), y.dataSync().slice(360)];
    expect(first).toEqual(second);
    expect(valuesOf(batch)).toEqual(valuesOf(stack([x, x])));
    const z = rand([3, 10, 12]);
    expect(seeded(2, () => new RandomErasing({ p: 1, inplace: true })(z))).toBe(z);
    expect(new RandomErasing({ p: 0 })(x)).toBe(x);
  });

  it('prints its repr as torchvision and rebuilds from its workerSpec', () => {
    expect(String(new RandomErasing())).toBe(torchRepr('RandomErasing()'));
    const t = new RandomErasing({ p: 1, scale: [0.1, 0.2], ratio: [0.5, 2], value: 'random', inplace: true });
    expect(String(t)).toBe(torchRepr("RandomErasing({p: 1, scale: [0.1, 0.2], ratio: [0.5, 2], value: 'random', inplace: true})"));
    expect(String(new RandomErasing({ value: [1, 2, 3] }))).toBe(torchRepr('RandomErasing({value: [1, 2, 3]})'));
    expect(String(new RandomErasing(...(t.workerSpec()!.args as [object])))).toBe(String(t));
  });

  it('rejects bad values, scales, probabilities, Images and value lists that do not fit the channels', () => {
    throwsExactly(() => new RandomErasing({ value: 'noise' as never }), ValueError, `RandomErasing: If value is str, it should be 'random', got "noise"`);
    throwsExactly(() => new RandomErasing({ value: {} as never }), ArgumentTypeError, 'RandomErasing: Argument value should be either a number or str or a sequence, got an object (Object)');
    throwsExactly(() => new RandomErasing({ scale: [0.5, 2] }), ValueError, 'RandomErasing: Scale should be between 0 and 1, got [0.5, 2]');
    throwsExactly(() => new RandomErasing({ p: 1.5 }), ValueError, 'RandomErasing: Random erasing probability p should be a probability between 0 and 1, got 1.5');
    throwsExactly(() => new RandomErasing({ p: 1 })(Image.new('RGB', [4, 4]) as never), ArgumentTypeError, 'RandomErasing: expected a tensor image [..., C, H, W] (put ToTensor first), got <Image mode=RGB size=4x4>');
    throwsExactly(
      () => new RandomErasing({ p: 1, value: [1, 2] })(rand([3, 4, 4])),
      ValueError,
      'RandomErasing: If value is a sequence, it should have either a single value or 3 (number of input channels), got 2: [1, 2]',
    );
    throwsExactly(() => new RandomErasing({ p: 1 })(tensor([[1, 2]])), ShapeError, 'RandomErasing: expected a tensor image [..., C, H, W] (rank >= 3), got shape [1, 2]');
  });

  it('warns, as torchvision, when scale or ratio is not (min, max)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    new RandomErasing({ ratio: [3, 0.3] });
    expect(warn).toHaveBeenCalledWith('RandomErasing: Scale and ratio should be of kind (min, max), got scale [0.02, 0.33] and ratio [3, 0.3]');
  });
});
