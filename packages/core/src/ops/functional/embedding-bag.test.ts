import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, ValueError, embeddingBag, gradcheck, tensor, type NestedArray } from '../../index';
import { checkCase, fromFlat, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');
const ints = (v: NestedArray<number>) => tensor(v, { dtype: 'int32' });
const ones = (shape: number[]) => fromFlat(new Array(shape[0] * shape[1]).fill(1), shape);

describe('embeddingBag', () => {
  for (const mode of ['sum', 'mean', 'max'] as const) {
    it(`matches PyTorch in mode '${mode}' with offsets and an empty bag`, () => {
      checkCase(cases[`embedding_bag_${mode}`], (t) => embeddingBag(t.indices, t.weight, { offsets: t.offsets, mode }));
    });
  }

  it('matches PyTorch on 2-D input with paddingIdx (mean and max, including an all-padding bag)', () => {
    checkCase(cases.embedding_bag_2d_mean_padding, (t) => embeddingBag(t.indices, t.weight, { mode: 'mean', paddingIdx: 0 }));
    checkCase(cases.embedding_bag_2d_max_padding, (t) => embeddingBag(t.indices, t.weight, { mode: 'max', paddingIdx: 0 }));
  });

  it('matches PyTorch with perSampleWeights and includeLastOffset (gradients for both)', () => {
    checkCase(cases.embedding_bag_psw, (t) =>
      embeddingBag(t.indices, t.weight, { offsets: t.offsets, mode: 'sum', perSampleWeights: t.per_sample_weights, includeLastOffset: true }),
    );
  });

  // PyTorch 1.13's CPU kernel divides by the wrong count here (pytorch/pytorch#190063; CUDA is
  // right), so this checks the documented rule by hand: each row's gradient / its frequency.
  it('divides each row gradient by its frequency in the batch with scaleGradByFreq', () => {
    const w = randn([10, 2], 1, { requiresGrad: true });
    const idx = ints([1, 2, 4, 5, 4, 3, 2, 9, 0]);
    const offsets = ints([0, 4, 4, 7]);
    embeddingBag(idx, w, { offsets, mode: 'sum', scaleGradByFreq: true }).backward(ones([4, 2]));
    expect((w.grad!.tolist() as number[][]).map((r) => r[0])).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 1]);
    w.grad = null;
    embeddingBag(idx, w, { offsets, mode: 'mean', scaleGradByFreq: true }).backward(ones([4, 2]));
    const g = (w.grad!.tolist() as number[][]).map((r) => r[0]);
    // bags: [1 2 4 5] (mean 1/4), [], [4 3 2] (1/3), [9 0] (1/2); rows 2 and 4 appear twice.
    const want = [1 / 2, 1 / 4, (1 / 4 + 1 / 3) / 2, 1 / 3, (1 / 4 + 1 / 3) / 2, 1 / 4, 0, 0, 0, 1 / 2];
    g.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
  });

  it('passes gradcheck in every mode', () => {
    const w = randn([7, 3], 3, { requiresGrad: true });
    const psw = randn([6], 4, { requiresGrad: true });
    const idx = ints([1, 2, 6, 1, 0, 3]);
    const offsets = ints([0, 2, 5]);
    expect(gradcheck((ww) => embeddingBag(idx, ww, { offsets, mode: 'mean' }), [w])).toBe(true);
    expect(gradcheck((ww) => embeddingBag(idx, ww, { offsets, mode: 'max' }), [w])).toBe(true);
    expect(gradcheck((ww, p) => embeddingBag(idx, ww, { offsets, mode: 'sum', perSampleWeights: p }), [w, psw])).toBe(true);
  });

  it('refuses inconsistent bags', () => {
    const w = randn([10, 3], 1);
    expect(() => embeddingBag(ints([1, 2]), w)).toThrow(ValueError);
    expect(() => embeddingBag(ints([1, 2]), w)).toThrow('embeddingBag: offsets is required when input is 1-D');
    expect(() => embeddingBag(ints([[1, 2]]), w, { offsets: ints([0]) })).toThrow(
      'embeddingBag: offsets has to be null when input is 2-D (each row is a bag), got offsets of shape [1]',
    );
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: ints([1]) })).toThrow(
      'embeddingBag: offsets[0] has to be 0 (the first bag starts at position 0), got 1',
    );
    expect(() => embeddingBag(ints([1, 2, 3]), w, { offsets: ints([0, 2, 1]) })).toThrow(
      'embeddingBag: offsets must be non-decreasing, got 2 before 1 at position 2',
    );
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: ints([0, 3]) })).toThrow(
      "embeddingBag: the last offset (3) cannot be greater than the input's length (2)",
    );
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: tensor([0]) })).toThrow(DTypeError);
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: tensor([0]) })).toThrow('embeddingBag: expected offsets of dtype int32 (int64), got float32');
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: ints([[0]]) })).toThrow('embeddingBag: expected 1-D offsets, got shape [1, 1]');
    expect(() => embeddingBag(ints([1, 2]), w, { offsets: ints([]), includeLastOffset: true })).toThrow(
      'embeddingBag: includeLastOffset needs at least one offset',
    );
    expect(() => embeddingBag(ints([[[1]]]), w)).toThrow(ShapeError);
    expect(() => embeddingBag(ints([[[1]]]), w)).toThrow('embeddingBag: expected 1-D input (with offsets) or 2-D input (B, L), got shape [1, 1, 1]');
  });

  it('refuses a bad mode, misused perSampleWeights and indices out of range', () => {
    const w = randn([10, 3], 1);
    const idx = ints([[1, 2]]);
    expect(() => embeddingBag(idx, w, { mode: 'min' as 'sum' })).toThrow("embeddingBag: mode must be 'sum', 'mean' or 'max', got 'min'");
    expect(() => embeddingBag(idx, w, { perSampleWeights: randn([1, 2], 1) })).toThrow(
      "embeddingBag: perSampleWeights is only supported with mode 'sum', got mode 'mean'",
    );
    expect(() => embeddingBag(idx, w, { mode: 'sum', perSampleWeights: randn([2], 1) })).toThrow(
      "embeddingBag: perSampleWeights must have the input's shape [1, 2], got [2]",
    );
    expect(() => embeddingBag(idx, w, { mode: 'sum', perSampleWeights: ints([[1, 1]]) })).toThrow(
      'embeddingBag: expected perSampleWeights of dtype float32, got int32',
    );
    expect(() => embeddingBag(ints([[1, 12]]), w)).toThrow(IndexError);
    expect(() => embeddingBag(idx, w, { mode: 'max', scaleGradByFreq: true })).toThrow("embeddingBag: mode 'max' does not support scaleGradByFreq");
  });
});
