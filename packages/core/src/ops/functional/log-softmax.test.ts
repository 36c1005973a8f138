import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, gradcheck, logSoftmax, tensor } from '../../index';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { checkCase, loadCases, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

describe('logSoftmax', () => {
  it('matches PyTorch forward and backward (act_log_softmax)', () => {
    const ref = loadReference('act_log_softmax');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const y = logSoftmax(x, ref.params.dim as number);
    expectClose(y, ref.expected.y);
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x);
    expect(y.gradFn!.name).toBe('LogSoftmaxBackward');
  });

  it('matches PyTorch along other dims and for large logits', () => {
    checkCase(cases.log_softmax_dim0, (t) => logSoftmax(t.x, 0));
    checkCase(cases.log_softmax_dim1, (t) => logSoftmax(t.x, 1));
  });

  it('is also a Tensor method', () => {
    const x = randn([2, 3], 4);
    expect(x.logSoftmax(-1).tolist()).toEqual(logSoftmax(x, -1).tolist());
  });

  it('passes gradcheck', () => {
    expect(gradcheck((x) => logSoftmax(x, 0), [randn([4, 3], 3, { requiresGrad: true })])).toBe(true);
  });

  it('stays finite far from zero', () => {
    expectClose(logSoftmax(tensor([-1000, 0]), 0), [-1000, 0]);
    expect(logSoftmax(tensor(2), 0).item()).toBe(0);
  });

  it('refuses integer input and bad dims', () => {
    expect(() => logSoftmax(tensor([1], { dtype: 'int32' }), 0)).toThrow(DTypeError);
    expect(() => logSoftmax(tensor([1], { dtype: 'int32' }), 0)).toThrow('logSoftmax: expected a float32 input, got int32');
    expect(() => logSoftmax(tensor([1, 2]), -2)).toThrow(IndexError);
    expect(() => logSoftmax(tensor([1, 2]), -2)).toThrow('logSoftmax: dimension out of range (expected to be in range of [-1, 0], but got -2)');
  });
});
