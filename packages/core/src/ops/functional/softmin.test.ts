import { describe, expect, it } from 'vitest';
import { DTypeError, gradcheck, softmin, tensor } from '../../index';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('softmin', () => {
  it('matches PyTorch forward and backward', () => {
    const t = checkCase(cases.softmin_dim1, (v) => softmin(v.x, 1));
    expect(softmin(t.x, 1).gradFn!.name).toBe('SoftminBackward');
  });

  it('passes gradcheck', () => {
    expect(gradcheck((x) => softmin(x, -1), [randn([3, 5], 2, { requiresGrad: true })])).toBe(true);
  });

  it('refuses integer input', () => {
    expect(() => softmin(tensor([1], { dtype: 'int32' }), 0)).toThrow(DTypeError);
    expect(() => softmin(tensor([1], { dtype: 'int32' }), 0)).toThrow('softmin: expected a float32 input, got int32');
  });
});
