// Random creation functions. Expected numbers were printed by PyTorch 1.13.1 (Debian's
// python3-torch) after torch.manual_seed(0); the Generator reproduces its CPU algorithms.
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/support/reference';
import * as dl from '../../index';
import { DTypeError, ShapeError, ValueError } from '../../index';

describe('rand', () => {
  it('matches torch.rand after manual_seed(0)', () => {
    dl.manualSeed(0);
    expectClose(dl.rand([3]), [0.49625659, 0.7682218, 0.08847743], 0, 1e-8);
  });

  it('repeats with the same seed and uses a given generator', () => {
    dl.manualSeed(7);
    const a = dl.rand(2, 3).tolist();
    dl.manualSeed(7);
    expect(dl.rand([2, 3]).tolist()).toEqual(a);
    const g = new dl.Generator(7);
    expect(dl.rand([2, 3], { generator: g }).tolist()).toEqual(a);
  });

  it('refuses integer dtypes', () => {
    expect(() => dl.rand([2], { dtype: 'int32' })).toThrow(DTypeError);
    expect(() => dl.rand([2], { dtype: 'int32' })).toThrow('rand: expected a floating point dtype, got int32');
  });
});

describe('randn', () => {
  it('matches torch.randn after manual_seed(0), short and vectorized sizes', () => {
    dl.manualSeed(0);
    expectClose(dl.randn([3]), [1.5409961, -0.2934289, -2.1787894]);
    dl.manualSeed(0);
    const y = dl.randn([20]).tolist() as number[];
    expectClose(y.slice(0, 4), [-1.1258398, -1.1523602, -0.2505786, -0.4338788]);
    const z = dl.randn([20]).tolist() as number[];
    expectClose(z.slice(-2), [0.4455122, 1.3252748]);
  });

  it('can require grad', () => {
    expect(dl.randn([2], { requiresGrad: true }).requiresGrad).toBe(true);
  });
});

describe('randint', () => {
  it('matches torch.randint after manual_seed(0), with and without low', () => {
    dl.manualSeed(0);
    expect(dl.randint(0, 10, [5]).tolist()).toEqual([4, 9, 3, 0, 3]);
    expect(dl.randint(3, 7, [4]).tolist()).toEqual([6, 6, 6, 4]);
    dl.manualSeed(0);
    expect(dl.randint(10, [5]).tolist()).toEqual([4, 9, 3, 0, 3]);
  });

  it('is int32 by default and accepts a float dtype', () => {
    expect(dl.randint(5, [2]).dtype).toBe('int32');
    expect(dl.randint(5, [2], { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('refuses empty ranges and fractional bounds', () => {
    expect(() => dl.randint(5, 5, [2])).toThrow(ValueError);
    expect(() => dl.randint(5, 5, [2])).toThrow("randint: random_ expects 'from' to be less than 'to', but got from=5 >= to=5");
    expect(() => dl.randint(0.5, [2])).toThrow('randint: low and high must be integers, got 0 and 0.5');
    expect(() => dl.randint(4, [-2])).toThrow('randint: trying to create tensor with negative dimension -2: [-2]');
  });
});

describe('randperm', () => {
  it("matches torch.randperm after manual_seed(0) (PyTorch's swap loop)", () => {
    // With the first raw outputs 2357136044, 2546248239, 3071714933, 3626093760 of MT19937(0):
    // i=0 swaps r[0], r[4]; i=1 swaps r[1], r[4]; i=2 swaps r[2], r[4]; i=3 keeps: [4, 0, 1, 3, 2].
    dl.manualSeed(0);
    expect(dl.randperm(5).tolist()).toEqual([4, 0, 1, 3, 2]);
    expect(dl.randperm(10).tolist()).toEqual([3, 7, 5, 6, 2, 8, 1, 9, 4, 0]);
    dl.manualSeed(0);
    expect(dl.randperm(10).tolist()).toEqual([4, 1, 7, 5, 3, 9, 0, 8, 6, 2]);
    dl.manualSeed(0);
    expect((dl.randperm(100).tolist() as number[]).slice(0, 10)).toEqual([44, 19, 93, 90, 71, 69, 37, 95, 53, 91]);
  });

  it('is a permutation for larger n', () => {
    const p = dl.randperm(1000).tolist() as number[];
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(dl.randperm(0).tolist()).toEqual([]);
    expect(dl.randperm(1).tolist()).toEqual([0]);
  });

  it('refuses negative n', () => {
    expect(() => dl.randperm(-1)).toThrow(ValueError);
    expect(() => dl.randperm(-1)).toThrow('randperm: n must be a non-negative integer, got -1');
  });
});

describe('normal', () => {
  it('matches torch.normal with numbers and a size', () => {
    dl.manualSeed(0);
    expectClose(dl.normal(2, 3, [3]), [6.6229882, 1.1197133, -4.5363684]);
  });

  it('matches torch.normal with tensor mean and std, and broadcasts', () => {
    dl.manualSeed(0);
    expectClose(dl.normal(dl.tensor([0, 10, 100]), dl.tensor([1, 1, 1])), [1.5409961, 9.7065716, 97.8212128]);
    expect(dl.normal(dl.zeros([2, 1]), dl.ones([3])).shape).toEqual([2, 3]);
    expect(dl.normal(5, dl.zeros([4])).tolist()).toEqual([5, 5, 5, 5]);
  });

  it('gives zero gradients to mean and std, as PyTorch', () => {
    const mean = dl.zeros([3], { requiresGrad: true });
    dl.normal(mean, 1).sum().backward();
    expect(mean.grad!.tolist()).toEqual([0, 0, 0]);
  });

  it('refuses a negative std, a missing size and a mismatched size', () => {
    expect(() => dl.normal(0, -1, [2])).toThrow(ValueError);
    expect(() => dl.normal(0, -1, [2])).toThrow('normal: expects std >= 0.0, but found std -1');
    expect(() => dl.normal(dl.zeros([2]), dl.tensor([1, -1]))).toThrow('normal: expects all elements of std >= 0.0');
    expect(() => dl.normal(0, 1)).toThrow('normal: with number mean and std, a size is required: normal(mean, std, size)');
    expect(() => (dl.normal as (...a: unknown[]) => dl.Tensor)(dl.zeros([2]), 1, [3])).toThrow('normal: size [3] does not match the broadcast shape [2] of mean and std');
  });
});

describe('bernoulli', () => {
  it('matches torch.bernoulli after manual_seed(0)', () => {
    dl.manualSeed(0);
    expect(dl.bernoulli(dl.tensor([0.5, 0.5, 0.5, 0.9, 0.1])).tolist()).toEqual([1, 0, 1, 1, 0]);
  });

  it('keeps the dtype and takes a single p', () => {
    expect(dl.bernoulli(dl.zeros([3])).tolist()).toEqual([0, 0, 0]);
    expect(dl.bernoulli(dl.zeros([3]), { p: 1 }).tolist()).toEqual([1, 1, 1]);
    expect(dl.full([2], 1).bernoulli().tolist()).toEqual([1, 1]);
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() => dl.bernoulli(dl.tensor([0.5, 1.5]))).toThrow(ValueError);
    expect(() => dl.bernoulli(dl.tensor([0.5, 1.5]))).toThrow('bernoulli: expected 0 <= p <= 1 for every probability, got 1.5');
  });
});

describe('multinomial', () => {
  const p = () => dl.tensor([0.1, 0.2, 0.3, 0.4]);

  it('matches torch.multinomial after manual_seed(0)', () => {
    dl.manualSeed(0);
    expect(dl.multinomial(p(), 6, { replacement: true }).tolist()).toEqual([3, 3, 2, 3, 3, 3]);
    dl.manualSeed(0);
    expect(dl.multinomial(p(), 3).tolist()).toEqual([2, 1, 3]);
    dl.manualSeed(0);
    expect(p().multinomial(1).tolist()).toEqual([2]);
  });

  it('samples each row of a 2-D input and never repeats without replacement', () => {
    const y = dl.multinomial(dl.tensor([[1, 0, 0, 0], [0, 1, 1, 1]]), 3);
    expect(y.shape).toEqual([2, 3]);
    const rows = y.tolist() as number[][];
    expect(rows[1].slice().sort()).toEqual([1, 2, 3]);
    expect(rows[0][0]).toBe(0);
    const counts = [0, 0];
    for (const v of dl.multinomial(dl.tensor([1, 3]), 4000, { replacement: true }).tolist() as number[]) counts[v]++;
    expect(counts[1] / 4000).toBeGreaterThan(0.7);
    expect(counts[1] / 4000).toBeLessThan(0.8);
  });

  it('refuses invalid distributions and sample counts', () => {
    expect(() => dl.multinomial(dl.tensor([0.5, -0.1]), 1)).toThrow(ValueError);
    expect(() => dl.multinomial(dl.tensor([0.5, NaN]), 1)).toThrow('multinomial: probability tensor contains either `inf`, `nan` or element < 0');
    expect(() => dl.multinomial(dl.tensor([0, 0]), 1)).toThrow('multinomial: invalid multinomial distribution (sum of probabilities <= 0)');
    expect(() => dl.multinomial(p(), 5)).toThrow('multinomial: cannot sample n_sample > prob_dist.size(-1) samples without replacement (5 > 4)');
    expect(() => dl.multinomial(p(), 0)).toThrow('multinomial: cannot sample n_sample <= 0 samples (got 0)');
    expect(() => dl.multinomial(dl.ones([2, 2, 2]), 1)).toThrow(ShapeError);
    expect(() => dl.multinomial(dl.ones([2, 2, 2]), 1)).toThrow('multinomial: prob_dist must be 1 or 2 dim, got shape [2, 2, 2]');
  });
});
