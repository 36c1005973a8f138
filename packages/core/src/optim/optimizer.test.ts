import { describe, expect, it } from 'vitest';
import { ShapeError } from '../errors/shape-error';
import { ValueError } from '../errors/value-error';
import '../ops/arithmetic/index';
import { tensor } from '../ops/creation/tensor';
import { scope } from '../memory/scope';
import { Tensor } from '../tensor/tensor';
import { Adam } from './adam';
import type { OptimizerStateDict } from './optimizer';
import { SGD } from './sgd';

function param(values: number[]): Tensor {
  return tensor(values, { requiresGrad: true });
}

describe('Optimizer parameter groups', () => {
  it('fills group options from the defaults and keeps per-group overrides', () => {
    const a = param([1]);
    const b = param([1]);
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1, momentum: 0.9 });
    expect(opt.paramGroups.map((g) => [g.lr, g.momentum])).toEqual([
      [0.1, 0.9],
      [0.5, 0.9],
    ]);
    a.grad = tensor([1]);
    b.grad = tensor([1]);
    opt.step();
    expect(a.item()).toBeCloseTo(0.9, 6);
    expect(b.item()).toBeCloseTo(0.5, 6);
  });

  it('adds a group later with addParamGroup', () => {
    const a = param([1]);
    const b = param([2]);
    const opt = new SGD([a], { lr: 0.1 });
    opt.addParamGroup({ params: [b], lr: 1 });
    expect(opt.paramGroups.length).toBe(2);
    expect(opt.paramGroups[1].lr).toBe(1);
    expect(() => opt.addParamGroup({ params: [a] })).toThrowError('SGD: some parameters appear in more than one parameter group');
  });

  it('rejects an empty list, non-tensors, non-leaves and int tensors', () => {
    expect(() => new SGD([])).toThrowError(new ValueError('optimizer got an empty parameter list'));
    expect(() => new SGD([{ params: [3 as unknown as Tensor] }])).toThrowError(
      'SGD: optimizer can only optimize Tensors, but parameter 0 of the group is number',
    );
    const x = param([1]);
    const y = x.mul(2);
    expect(() => new SGD([y])).toThrowError("SGD: can't optimize a non-leaf Tensor (parameter 0 of the group)");
    expect(() => new SGD([tensor([1], { dtype: 'int32' })])).toThrowError('SGD: can only optimize float32 tensors, but parameter 0 of the group has dtype int32');
    expect(() => new SGD([x, x])).toThrowError('SGD: a parameter group contains the same parameter more than once');
  });
});

describe('Optimizer.zeroGrad', () => {
  it('drops gradients by default and zeroes them with setToNone false', () => {
    const p = param([1, 2]);
    const opt = new SGD([p], { lr: 0.1 });
    p.grad = tensor([3, 4]);
    opt.zeroGrad({ setToNone: false });
    expect(Array.from(p.grad!.dataSync())).toEqual([0, 0]);
    const old = p.grad!;
    opt.zeroGrad();
    expect(p.grad).toBeNull();
    expect(old.isDisposed).toBe(true);
  });
});

describe('Optimizer.step', () => {
  it('runs the closure with grad enabled and returns its loss', () => {
    const p = param([2]);
    const opt = new SGD([p], { lr: 0.25 });
    const loss = opt.step(() => {
      opt.zeroGrad();
      const l = p.mul(p);
      l.backward();
      return l.item();
    });
    expect(loss).toBe(4);
    expect(p.item()).toBe(1); // 2 - 0.25 * 4
  });

  it('runs step hooks until removed', () => {
    const p = param([1]);
    const opt = new SGD([p], { lr: 0.1 });
    const calls: string[] = [];
    const pre = opt.registerStepPreHook(() => calls.push('pre'));
    opt.registerStepPostHook(() => calls.push('post'));
    opt.step();
    pre.remove();
    opt.step();
    expect(calls).toEqual(['pre', 'post', 'post']);
  });

  it('keeps its state alive across scope()', () => {
    const p = param([1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    scope(() => {
      p.grad = tensor([1]);
      opt.step();
    });
    const buf = opt.state.get(p)!.momentumBuffer as Tensor;
    expect(buf.isDisposed).toBe(false);
    expect(p.isDisposed).toBe(false);
    expect(buf.item()).toBe(1);
  });
});

describe('Optimizer.stateDict', () => {
  function trained(): [Tensor, Tensor, Adam] {
    const a = param([1, 2]);
    const b = param([3]);
    const opt = new Adam([{ params: [a] }, { params: [b], lr: 0.1 }], { lr: 0.01, weightDecay: 0.5 });
    a.grad = tensor([0.1, 0.2]);
    b.grad = tensor([0.3]);
    opt.step();
    return [a, b, opt];
  }

  it("uses PyTorch's layout and key names", () => {
    const [, , opt] = trained();
    const sd = opt.stateDict();
    expect(sd.param_groups).toEqual([
      { params: [0], lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0.5, amsgrad: false, maximize: false },
      { params: [1], lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0.5, amsgrad: false, maximize: false },
    ]);
    expect(Object.keys(sd.state)).toEqual(['0', '1']);
    expect(Object.keys(sd.state[0]).sort()).toEqual(['exp_avg', 'exp_avg_sq', 'step']);
    expect(sd.state[1].step).toBe(1);
  });

  it('round-trips into a fresh optimizer that then steps identically', () => {
    const [a, b, opt] = trained();
    const a2 = param(Array.from(a.dataSync()));
    const b2 = param(Array.from(b.dataSync()));
    const opt2 = new Adam([{ params: [a2] }, { params: [b2] }], { lr: 0.5 });
    opt2.loadStateDict(opt.stateDict());
    expect(opt2.paramGroups[1].lr).toBe(0.1);
    expect(opt2.paramGroups[0].weightDecay).toBe(0.5);
    expect(opt2.paramGroups[0].params[0]).toBe(a2);
    for (const [p, q] of [
      [a, a2],
      [b, b2],
    ]) {
      p.grad = tensor(p.shape.length === 1 && p.shape[0] === 2 ? [0.4, -0.1] : [0.2]);
      q.grad = p.grad.detach();
    }
    opt.step();
    opt2.step();
    expect(Array.from(a2.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(Array.from(b2.dataSync())).toEqual(Array.from(b.dataSync()));
    // copies, not shared
    expect(opt2.state.get(a2)!.expAvg).not.toBe(opt.state.get(a)!.expAvg);
  });

  it("accepts PyTorch's tensor-valued step", () => {
    const p = param([1]);
    const opt = new Adam([p]);
    const sd: OptimizerStateDict = {
      state: { 0: { step: tensor(3), exp_avg: tensor([0.5]), exp_avg_sq: tensor([0.25]) } },
      param_groups: [{ params: [0], lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, foreach: null }],
    };
    opt.loadStateDict(sd);
    expect(opt.state.get(p)!.step).toBe(3);
  });

  it('refuses mismatched groups and state shapes with typed errors', () => {
    const [, , opt] = trained();
    const sd = opt.stateDict();
    const one = new Adam([param([1, 2])]);
    expect(() => one.loadStateDict(sd)).toThrowError('Adam.loadStateDict: loaded state dict has a different number of parameter groups (expected 1, got 2)');
    const sizes = new Adam([{ params: [param([1, 2]), param([1])] }, { params: [] as Tensor[] }]);
    expect(() => sizes.loadStateDict(sd)).toThrowError(
      "Adam.loadStateDict: loaded state dict contains a parameter group that doesn't match the size of optimizer's group (group 0: expected 2 parameters, got 1)",
    );
    const shapes = new Adam([{ params: [param([1, 2, 3])] }, { params: [param([1])] }]);
    expect(() => shapes.loadStateDict(sd)).toThrowError(ShapeError);
    expect(() => shapes.loadStateDict(sd)).toThrowError("Adam.loadStateDict: state 'exp_avg' of parameter 0 has shape [2] but the parameter has shape [3]");
    expect(() => shapes.loadStateDict({} as OptimizerStateDict)).toThrowError(
      "Adam.loadStateDict: expected an object with 'state' and 'param_groups' (as stateDict() returns)",
    );
  });

  it('prints its groups', () => {
    const opt = new SGD([param([1])], { lr: 0.1 });
    expect(opt.toString()).toBe(
      ['SGD (', 'Parameter Group 0', '    dampening: 0', '    lr: 0.1', '    maximize: false', '    momentum: 0', '    nesterov: false', '    weightDecay: 0', ')'].join('\n'),
    );
  });
});
