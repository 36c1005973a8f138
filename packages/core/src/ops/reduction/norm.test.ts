import { describe, expect, it } from 'vitest';
import { DTypeError, ValueError, gradcheck, norm, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

describe('norm', () => {
  const x = tensor([[1, -2], [3, 4]]);

  it('computes p-norms over all elements or dims', () => {
    expect(norm(tensor([3, 4])).item()).toBeCloseTo(5, 6);
    expect(norm(x, 1, { dim: 1 }).tolist()).toEqual([3, 7]);
    expect(x.norm(Infinity).item()).toBe(4);
    expect(x.norm(-Infinity, { dim: 0 }).tolist()).toEqual([1, 2]);
    expect(x.norm(0).item()).toBe(4);
    expect((x.norm({ p: 3, dim: 1, keepdim: true }).tolist() as number[][])[0][0]).toBeCloseTo(9 ** (1 / 3), 5);
    expect(x.norm('fro').item()).toBeCloseTo(Math.sqrt(30), 5);
  });

  it('has zero subgradients at zero', () => {
    const z = tensor([0, 0], { requiresGrad: true });
    norm(z).backward();
    expect(z.grad!.tolist()).toEqual([0, 0]);
  });

  it('passes gradcheck for every order', () => {
    const a = testTensor([3, 4], { requiresGrad: true });
    for (const p of [2, 1, 3, Infinity, -Infinity, 0.5] as const) {
      expect(gradcheck((t) => t.norm(p, { dim: 1 }), [a])).toBe(true);
    }
    expect(gradcheck((t) => t.norm(), [a])).toBe(true);
  });

  it('refuses integer input and unknown orders', () => {
    expect(() => norm(tensor([1], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => norm(x, 'nuc' as 'fro')).toThrow(ValueError);
    expect(() => norm(x, 'nuc' as 'fro')).toThrow("norm: unsupported order p=nuc (expected a number, Infinity, -Infinity or 'fro')");
  });
});
