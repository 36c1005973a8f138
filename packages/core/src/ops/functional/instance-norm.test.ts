import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, gradcheck, instanceNorm, tensor, type Tensor } from '../../index';
import { expectClose, type RefFixture } from '../../../test/support/reference';
import { checkCase, loadCases, rand, randn } from '../../../test/support/functional-cases';

const cases = loadCases('functional');

function runCase(c: RefFixture): void {
  const p = c.params as { use_input_stats: boolean; momentum: number };
  let rm: Tensor | null = null;
  let rv: Tensor | null = null;
  checkCase(c, (t) => {
    rm = t.running_mean;
    rv = t.running_var;
    return instanceNorm(t.x, { runningMean: rm, runningVar: rv, weight: t.weight, bias: t.bias, useInputStats: p.use_input_stats, momentum: p.momentum });
  });
  expectClose(rm!, c.expected.running_mean_after, 1e-4, 1e-5, 'running_mean');
  expectClose(rv!, c.expected.running_var_after, 1e-4, 1e-5, 'running_var');
}

describe('instanceNorm', () => {
  it('matches PyTorch with input statistics, updating the running ones', () => runCase(cases.instance_norm_train));
  it('matches PyTorch with running statistics', () => runCase(cases.instance_norm_eval));

  it('passes gradcheck', () => {
    const x = randn([2, 3, 5], 31, { requiresGrad: true });
    const w = randn([3], 32, { requiresGrad: true });
    expect(gradcheck((a, ww) => instanceNorm(a, { weight: ww }), [x, w])).toBe(true);
    const rm = randn([3], 33);
    const rv = rand([3], 34, 0.5, 1.5);
    expect(gradcheck((a, ww) => instanceNorm(a, { weight: ww, runningMean: rm, runningVar: rv, useInputStats: false }), [x, w])).toBe(true);
  });

  it('refuses input without spatial dimensions or with a single spatial element', () => {
    expect(() => instanceNorm(randn([2, 3], 1))).toThrow(ShapeError);
    expect(() => instanceNorm(randn([2, 3], 1))).toThrow('instanceNorm: expected input of shape (N, C, *) with at least one spatial dimension, got [2, 3]');
    expect(() => instanceNorm(randn([2, 3, 1], 1))).toThrow(ValueError);
    expect(() => instanceNorm(randn([2, 3, 1], 1))).toThrow('instanceNorm: expected more than 1 spatial element when training, got input of shape [2, 3, 1]');
  });

  it('refuses missing running statistics without input statistics, and wrong parameter shapes', () => {
    expect(() => instanceNorm(randn([2, 3, 4], 1), { useInputStats: false })).toThrow(
      'instanceNorm: runningMean and runningVar are required when useInputStats is false',
    );
    expect(() => instanceNorm(randn([2, 3, 4], 1), { bias: randn([2], 1) })).toThrow('instanceNorm: expected bias of shape [3], got [2]');
    expect(() => instanceNorm(randn([2, 3, 4], 1), { eps: -1 })).toThrow('instanceNorm: eps must be non-negative, got -1');
    expect(() => instanceNorm(randn([2, 3, 4], 1), { runningMean: tensor([0, 0, 0], { dtype: 'int32' }), runningVar: randn([3], 1) })).toThrow(
      'instanceNorm: expected runningMean of dtype float32, got int32',
    );
  });
});
