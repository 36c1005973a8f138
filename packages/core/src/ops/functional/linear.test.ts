import { describe, expect, it } from 'vitest';
import { checkFunctionalCase, uniform } from '../../../test/support/functional-fixtures';
import { expectClose, loadReference, refTensor } from '../../../test/support/reference';
import { gradcheck } from '../../autograd/gradcheck';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import { tensor } from '../creation/tensor';
import { linear } from './linear';

describe('linear', () => {
  it('matches PyTorch forward and backward (nn_linear)', () => {
    const ref = loadReference('nn_linear');
    const x = refTensor(ref.inputs.x, { requiresGrad: true });
    const w = refTensor(ref.inputs['param.weight'], { requiresGrad: true });
    const b = refTensor(ref.inputs['param.bias'], { requiresGrad: true });
    const y = linear(x, w, b);
    expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
    y.backward(refTensor(ref.inputs.grad_output));
    expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
    expectClose(w.grad!, ref.expected['grad.weight'], 1e-4, 1e-5, 'grad.weight');
    expectClose(b.grad!, ref.expected['grad.bias'], 1e-4, 1e-5, 'grad.bias');
  });

  it('matches PyTorch on a 3-D input', () => {
    checkFunctionalCase('linear_3d', ({ x, weight, bias }) => linear(x, weight, bias));
  });

  it('matches PyTorch on a 1-D input without bias', () => {
    checkFunctionalCase('linear_1d_nobias', ({ x, weight }) => linear(x, weight));
  });

  it('passes gradcheck', () => {
    expect(gradcheck((a, w, b) => linear(a, w, b), [uniform([2, 3, 4], 1), uniform([5, 4], 2), uniform([5], 3)])).toBe(true);
  });

  it('gives gradients only to the inputs that require them', () => {
    const x = uniform([3, 4], 4, false);
    const w = uniform([2, 4], 5);
    linear(x, w).backward(tensor([[1, 1], [1, 1], [1, 1]]));
    expect(x.grad).toBeNull();
    expect(w.grad!.shape).toEqual([2, 4]);
  });

  it('names the shapes when they do not fit', () => {
    expect(() => linear(uniform([4, 6], 1), uniform([3, 5], 2))).toThrow(ShapeError);
    expect(() => linear(uniform([4, 6], 1), uniform([3, 5], 2))).toThrow(
      'linear: input of size [4, 6] cannot be multiplied by weight of size [3, 5] (expected the last dimension of input to be 5, got 6)',
    );
    expect(() => linear(uniform([4, 5], 1), uniform([5], 2))).toThrow('linear: expected 2D weight [out_features, in_features], but got weight of size [5]');
    expect(() => linear(uniform([4, 5], 1), uniform([3, 5], 2), uniform([4], 3))).toThrow('linear: expected bias of size [3] (one per output channel), but got bias of size [4]');
    expect(() => linear(tensor(1), uniform([3, 1], 2))).toThrow('linear: expected input with at least 1 dimension [*, in_features], but got a 0-d tensor');
    expect(() => linear(tensor([[1, 2]], { dtype: 'int32' }), uniform([3, 2], 2))).toThrow(DTypeError);
  });
});
