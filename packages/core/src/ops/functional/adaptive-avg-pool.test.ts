import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { ValueError } from '../../errors/value-error';
import { adaptiveAvgPool1d, adaptiveAvgPool2d } from './adaptive-avg-pool';

describe('adaptiveAvgPool2d', () => {
  it('matches PyTorch forward and backward (nn_adaptiveavgpool2d: global pooling)', () => {
    const ref = loadReference('nn_adaptiveavgpool2d');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const y = adaptiveAvgPool2d(x, [1, 1]);
    expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
  });

  it('matches PyTorch for uneven (overlapping) windows', () => {
    checkFunctionalCase('adaptive_avg_pool2d_uneven', ({ x }) => adaptiveAvgPool2d(x, [3, 4]));
  });

  it('matches PyTorch when the output is larger than the input', () => {
    checkFunctionalCase('adaptive_avg_pool2d_up', ({ x }) => adaptiveAvgPool2d(x, [4, 3]));
  });

  it('keeps a dimension given as null', () => {
    expect(adaptiveAvgPool2d(uniform([2, 3, 5, 7], 1), [null, 2]).shape).toEqual([2, 3, 5, 2]);
    expect(adaptiveAvgPool2d(uniform([3, 5, 7], 1), 2).shape).toEqual([3, 2, 2]);
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => adaptiveAvgPool2d(a, [2, 3]), [uniform([1, 2, 5, 4], 2)])).toBe(true);
  });

  it('refuses bad output sizes', () => {
    expect(() => adaptiveAvgPool2d(uniform([1, 1, 4, 4], 1), [2, 2, 2])).toThrow(ValueError);
    expect(() => adaptiveAvgPool2d(uniform([1, 1, 4, 4], 1), [2, 2, 2])).toThrow(
      'adaptiveAvgPool2d: expected outputSize to be a single integer or a tuple of 2 values, but got outputSize=[2,2,2]',
    );
    expect(() => adaptiveAvgPool2d(uniform([1, 1, 4, 4], 1), 0)).toThrow('adaptiveAvgPool2d: outputSize must be positive integers (got 0)');
  });
});

describe('adaptiveAvgPool1d', () => {
  it('matches PyTorch', () => {
    checkFunctionalCase('adaptive_avg_pool1d', ({ x }) => adaptiveAvgPool1d(x, 4));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => adaptiveAvgPool1d(a, 3), [uniform([2, 2, 7], 3)])).toBe(true);
  });
});
