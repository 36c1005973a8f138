import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, gradcheck, softmax, tensor } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('softmax', () => {
  it('matches PyTorch forward and backward (act_softmax)', () => {
    const ref = loadReference('act_softmax');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const y = softmax(x, ref.params.dim as number);
    expectClose(y, ref.expected.y);
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x);
    expect(y.gradFn!.name).toBe('SoftmaxBackward');
  });

  it('matches PyTorch along a leading and a negative dim', () => {
    checkCase(cases.softmax_dim0, (t) => softmax(t.x, 0));
    checkCase(cases.softmax_dim_neg1, (t) => softmax(t.x, -1));
  });

  it('is also a Tensor method', () => {
    const x = randn([2, 3], 4);
    expect(x.softmax(1).tolist()).toEqual(softmax(x, 1).tolist());
  });

  it('passes gradcheck along a middle dim', () => {
    expect(gradcheck((x) => softmax(x, 1), [randn([2, 3, 4], 1, { requiresGrad: true })])).toBe(true);
  });

  it('stays finite for large inputs', () => {
    const y = softmax(tensor([[1000, 1001, 1002]]), 1);
    expectClose(y, [0.09003057, 0.24472847, 0.66524096]);
  });

  it('gives 1 for a 0-d input', () => {
    expect(softmax(tensor(3), 0).item()).toBe(1);
  });

  it('casts integer input when dtype is given', () => {
    const y = softmax(tensor([0, 0], { dtype: 'int32' }), 0, { dtype: 'float32' });
    expect(y.tolist()).toEqual([0.5, 0.5]);
  });

  it('refuses integer input without dtype', () => {
    expect(() => softmax(tensor([1, 2], { dtype: 'int32' }), 0)).toThrow(DTypeError);
    expect(() => softmax(tensor([1, 2], { dtype: 'int32' }), 0)).toThrow('softmax: expected a float32 input, got int32');
  });

  it('refuses a dim out of range', () => {
    expect(() => softmax(tensor([[1, 2]]), 2)).toThrow(IndexError);
    expect(() => softmax(tensor([[1, 2]]), 2)).toThrow('softmax: dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });
});
