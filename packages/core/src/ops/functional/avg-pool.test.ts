import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { avgPool1d, avgPool2d } from './avg-pool';

describe('avgPool2d', () => {
  it('matches PyTorch forward and backward (nn_avgpool2d: kernel 3, stride 2, padding 1)', () => {
    const ref = loadReference('nn_avgpool2d');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const y = avgPool2d(x, 3, { stride: 2, padding: 1 });
    expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
  });

  it('matches PyTorch in ceil mode without counting padding', () => {
    checkFunctionalCase('avg_pool2d_ceil_exclude_pad', ({ x }) => avgPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }));
  });

  it('matches PyTorch in ceil mode counting padding (windows clipped at the padded edge)', () => {
    checkFunctionalCase('avg_pool2d_ceil_include_pad', ({ x }) => avgPool2d(x, [3, 2], { stride: [2, 2], padding: [1, 1], ceilMode: true }));
  });

  it('matches PyTorch with divisorOverride', () => {
    checkFunctionalCase('avg_pool2d_divisor', ({ x }) => avgPool2d(x, 2, { stride: 1, padding: 1, divisorOverride: 3 }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => avgPool2d(a, 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }), [uniform([1, 2, 6, 5], 1)])).toBe(true);
    expect(gradcheck((a) => avgPool2d(a, [2, 3], { divisorOverride: 2 }), [uniform([2, 1, 4, 6], 2)])).toBe(true);
  });

  it('refuses too much padding, a zero divisor and empty outputs', () => {
    expect(() => avgPool2d(uniform([1, 1, 5, 5], 1), 2, { padding: 2 })).toThrow(ValueError);
    expect(() => avgPool2d(uniform([1, 1, 5, 5], 1), 2, { padding: 2 })).toThrow('avgPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
    expect(() => avgPool2d(uniform([1, 1, 5, 5], 1), 2, { divisorOverride: 0 })).toThrow('avgPool2d: divisorOverride must be a non-zero number (got 0)');
    expect(() => avgPool2d(uniform([1, 1, 1, 5], 1), 2)).toThrow(ShapeError);
    expect(() => avgPool2d(uniform([1, 1, 1, 5], 1), 2)).toThrow('avgPool2d: given input of size [1, 1, 1, 5], the calculated output size (0 x 2) is too small');
  });
});

describe('avgPool1d', () => {
  it('matches PyTorch with padding, ceil mode and countIncludePad false', () => {
    checkFunctionalCase('avg_pool1d_pad', ({ x }) => avgPool1d(x, 4, { stride: 3, padding: 2, ceilMode: true, countIncludePad: false }));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a) => avgPool1d(a, 3, { stride: 2, padding: 1 }), [uniform([2, 2, 7], 3)])).toBe(true);
  });

  it('refuses a 4-D input', () => {
    expect(() => avgPool1d(uniform([1, 2, 3, 4], 1), 2)).toThrow('avgPool1d: expected 2D (unbatched [C, L]) or 3D (batched [N, C, L]) input, but got input of size [1, 2, 3, 4]');
  });
});
