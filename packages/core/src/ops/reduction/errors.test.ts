// Error paths of the reductions not covered next to their feature tests.
import { describe, expect, it } from 'vitest';
import { DTypeError, ValueError, mean, norm, tensor } from '../../index';

describe('reduction errors', () => {
  it('refuses a mean dtype other than float32', () => {
    expect(() => mean(tensor([1, 2]), { dtype: 'int32' as 'float32' })).toThrow(DTypeError);
    expect(() => mean(tensor([1, 2]), { dtype: 'int32' as 'float32' })).toThrow('mean: dtype must be float32 (got int32)');
  });

  it('refuses infinity norms of empty tensors', () => {
    expect(() => norm(tensor([]), Infinity)).toThrow(ValueError);
    expect(() => norm(tensor([]), Infinity)).toThrow('norm: cannot compute the Infinity-norm of an empty tensor (input shape [0])');
  });

  it('gives the PyTorch values for empty reductions', () => {
    expect(tensor([]).sum().item()).toBe(0);
    expect(Number.isNaN(tensor([]).mean().item())).toBe(true);
    expect(tensor([[]]).sum(1).tolist()).toEqual([0]);
    expect(norm(tensor([])).item()).toBe(0);
  });
});
