import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError, Tensor, ValueError, batchNorm, gradcheck, noGrad, tensor } from '../../index';
import { expectClose, loadReference, refTensor, type RefFixture } from '../../../test/support/reference';
import { checkCase, fromFlat, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

function layerFixture(name: string): void {
  const ref = loadReference(name);
  const x = refTensor(ref.inputs.x, { requiresGrad: true });
  const w = refTensor(ref.inputs['param.weight'], { requiresGrad: true });
  const b = refTensor(ref.inputs['param.bias'], { requiresGrad: true });
  const c = w.shape[0];
  const rm = fromFlat(new Array(c).fill(0), [c]);
  const rv = fromFlat(new Array(c).fill(1), [c]);
  const y = batchNorm(x, rm, rv, w, b, { training: true, momentum: 0.1, eps: 1e-5 });
  expectClose(y, ref.expected.y, 1e-4, 1e-5, 'y');
  y.backward(refTensor(ref.inputs.grad_output));
  expectClose(x.grad!, ref.expected.grad_x, 1e-4, 1e-5, 'grad_x');
  expectClose(w.grad!, ref.expected['grad.weight'], 1e-4, 1e-5, 'grad.weight');
  expectClose(b.grad!, ref.expected['grad.bias'], 1e-4, 1e-5, 'grad.bias');
  expectClose(rm, ref.expected['buffer_after.running_mean'], 1e-4, 1e-5, 'running_mean');
  expectClose(rv, ref.expected['buffer_after.running_var'], 1e-4, 1e-5, 'running_var');
}

function runCase(c: RefFixture): void {
  const p = c.params as { training: boolean; momentum: number; eps: number };
  let rm: Tensor | null = null;
  let rv: Tensor | null = null;
  checkCase(c, (t) => {
    rm = t.running_mean;
    rv = t.running_var;
    return batchNorm(t.x, rm, rv, t.weight ?? null, t.bias ?? null, p);
  });
  expectClose(rm!, c.expected.running_mean_after, 1e-4, 1e-5, 'running_mean');
  expectClose(rv!, c.expected.running_var_after, 1e-4, 1e-5, 'running_var');
}

describe('batchNorm', () => {
  it('matches BatchNorm1d in training (nn_batchnorm1d_train: y, grads, running stats)', () => layerFixture('nn_batchnorm1d_train'));
  it('matches BatchNorm2d in training (nn_batchnorm2d_train)', () => layerFixture('nn_batchnorm2d_train'));

  it('matches PyTorch on (N, C, L) input with momentum 0.3 and without affine', () => {
    runCase(cases.batch_norm_train_3d);
    runCase(cases.batch_norm_train_noaffine);
  });

  it('matches PyTorch in evaluation mode (running stats untouched)', () => {
    runCase(cases.batch_norm_eval_4d);
    runCase(cases.batch_norm_eval_noaffine);
  });

  it('updates running stats without recording history and bumps their version', () => {
    const rm = fromFlat([0, 0], [2]);
    const rv = fromFlat([1, 1], [2]);
    const x = randn([6, 2], 4, { requiresGrad: true });
    const y = batchNorm(x, rm, rv, null, null, { training: true });
    expect(rm.requiresGrad).toBe(false);
    expect(rm._version).toBe(1);
    expect(y.requiresGrad).toBe(true);
    noGrad(() => batchNorm(x, rm, rv, null, null, { training: true }));
    expect(rm._version).toBe(2);
  });

  it('implements the cumulative average when the caller passes momentum 1/n', () => {
    const rm = fromFlat([0], [1]);
    const rv = fromFlat([1], [1]);
    batchNorm(fromFlat([1, 3], [2, 1]), rm, rv, null, null, { training: true, momentum: 1 });
    batchNorm(fromFlat([5, 7], [2, 1]), rm, rv, null, null, { training: true, momentum: 1 / 2 });
    expectClose(rm, [4]);
    expectClose(rv, [2]);
  });

  it('runs in training without running stats', () => {
    const y = batchNorm(fromFlat([1, 3], [2, 1]), null, null, null, null, { training: true, eps: 0 });
    expectClose(y, [-1, 1]);
  });

  it('passes gradcheck in training and evaluation', () => {
    const x = randn([4, 3, 2], 5, { requiresGrad: true });
    const w = randn([3], 6, { requiresGrad: true });
    const b = randn([3], 7, { requiresGrad: true });
    expect(gradcheck((a, ww, bb) => batchNorm(a, null, null, ww, bb, { training: true }), [x, w, b])).toBe(true);
    const rm = randn([3], 8);
    const rv = rand([3], 9, 0.5, 1.5);
    expect(gradcheck((a, ww, bb) => batchNorm(a, rm, rv, ww, bb), [x, w, b])).toBe(true);
  });

  it('refuses bad shapes, dtypes and arguments', () => {
    const x = randn([4, 3], 1);
    const c3 = fromFlat([0, 0, 0], [3]);
    expect(() => batchNorm(randn([3], 1), c3, c3)).toThrow(ShapeError);
    expect(() => batchNorm(randn([3], 1), c3, c3)).toThrow('batchNorm: expected input of shape (N, C) or (N, C, *), got [3]');
    expect(() => batchNorm(x, fromFlat([0, 0], [2]), c3)).toThrow(ShapeError);
    expect(() => batchNorm(x, fromFlat([0, 0], [2]), c3)).toThrow('batchNorm: expected runningMean of shape [3], got [2]');
    expect(() => batchNorm(x, c3, c3, fromFlat([1, 1, 1, 1], [4]))).toThrow('batchNorm: expected weight of shape [3], got [4]');
    expect(() => batchNorm(tensor([[1, 2]], { dtype: 'int32' }), null, null, null, null, { training: true })).toThrow(DTypeError);
    expect(() => batchNorm(tensor([[1, 2]], { dtype: 'int32' }), null, null, null, null, { training: true })).toThrow(
      'batchNorm: expected input of dtype float32, got int32',
    );
    expect(() => batchNorm(x, null, null)).toThrow(ValueError);
    expect(() => batchNorm(x, null, null)).toThrow('batchNorm: runningMean and runningVar are required when training is false');
    expect(() => batchNorm(randn([1, 3], 1), null, null, null, null, { training: true })).toThrow(
      'batchNorm: expected more than 1 value per channel when training, got input of shape [1, 3]',
    );
    expect(() => batchNorm(x, c3, c3, null, null, { eps: -1 })).toThrow('batchNorm: eps must be non-negative, got -1');
    expect(() => batchNorm(x, c3, c3, null, null, { momentum: Number.NaN })).toThrow('batchNorm: momentum must be a finite number, got NaN');
  });
});
