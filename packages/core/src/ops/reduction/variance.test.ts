import { describe, expect, it } from 'vitest';
import { DTypeError, ValueError, gradcheck, std, stdMean, tensor, var as variance, varMean } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const close = (a: number[] | number, b: number[] | number) => {
  const xs = [a].flat();
  const ys = [b].flat();
  expect(xs.length).toBe(ys.length);
  xs.forEach((v, i) => expect(v).toBeCloseTo(ys[i], 5));
};

describe('var / std', () => {
  const x = tensor([[1, 2, 3, 4], [2, 4, 6, 8]]);

  it('uses Bessel correction by default, and correction / unbiased when given', () => {
    close(variance(x.flatten()).item(), 37.5 / 7);
    close(variance(x, 1).tolist() as number[], [1.666667, 6.666667]);
    close(x.var(1, { correction: 0 }).tolist() as number[], [1.25, 5]);
    close(x.var(1, { unbiased: false }).tolist() as number[], [1.25, 5]);
    close(std(x, { dim: 1, keepdim: true }).tolist() as number[][] as unknown as number[], [1.290994, 2.581989]);
    expect(std(x, 1, { keepdim: true }).shape).toEqual([2, 1]);
    expect(Number.isNaN(variance(tensor([3])).item())).toBe(true);
  });

  it('returns pairs with the mean', () => {
    const [v, m] = varMean(x, 1);
    close(v.tolist() as number[], [1.666667, 6.666667]);
    expect(m.tolist()).toEqual([2.5, 5]);
    const [s, m2] = x.stdMean({ dim: 0, correction: 0 });
    close(s.tolist() as number[], [0.5, 1, 1.5, 2]);
    expect(m2.tolist()).toEqual([1.5, 3, 4.5, 6]);
    expect(stdMean(x)[1].item()).toBe(3.75);
  });

  it('passes gradcheck', () => {
    const a = testTensor([3, 4], { requiresGrad: true });
    expect(gradcheck((t) => t.var(1), [a])).toBe(true);
    expect(gradcheck((t) => t.std(), [a])).toBe(true);
    expect(gradcheck((t) => t.std(0, { correction: 0, keepdim: true }), [a])).toBe(true);
  });

  it('refuses integer input and conflicting options', () => {
    expect(() => variance(tensor([1, 2], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => std(tensor([1, 2], { dtype: 'int32' }))).toThrow('std: only supports floating point dtypes (got int32)');
    expect(() => std(x, { correction: 1, unbiased: true })).toThrow(ValueError);
    expect(() => std(x, { correction: 1, unbiased: true })).toThrow('std: cannot specify both correction (1) and unbiased (true)');
  });
});

describe('std at zero deviation', () => {
  it('has a zero gradient, like PyTorch', () => {
    const x = tensor([2, 2, 2], { requiresGrad: true });
    std(x, { correction: 0 }).backward();
    expect(x.grad!.tolist()).toEqual([0, 0, 0]);
  });
});
