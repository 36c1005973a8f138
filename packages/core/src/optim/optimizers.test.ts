import { describe, expect, it } from 'vitest';
import { expectClose, loadReference, refTensor } from '../../test/support/reference';
import { tensor } from '../ops/creation/tensor';
import type { Tensor } from '../tensor/tensor';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { NAdam } from './nadam';
import { RAdam } from './radam';
import type { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

type Make = (p: Tensor) => Optimizer<object>;

const cases: [string, Make][] = [
  ['optim_sgd', (p) => new SGD([p], { lr: 0.1 })],
  ['optim_sgd_momentum_nesterov_wd', (p) => new SGD([p], { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ['optim_adam', (p) => new Adam([p], { lr: 0.01 })],
  ['optim_adam_amsgrad_wd', (p) => new Adam([p], { lr: 0.01, weightDecay: 0.1, amsgrad: true })],
  ['optim_adamw', (p) => new AdamW([p], { lr: 0.01, weightDecay: 0.1 })],
  ['optim_rmsprop', (p) => new RMSprop([p], { lr: 0.01, momentum: 0.5 })],
];

describe('optimizers: PyTorch parity', () => {
  for (const [name, make] of cases) {
    it(`matches ${name} over three steps`, () => {
      const ref = loadReference(name);
      const p = refTensor(ref.inputs.param, { requiresGrad: true });
      const opt = make(p);
      for (let i = 0; i < 3; i++) {
        p.grad = refTensor(ref.inputs[`grad${i}`]);
        opt.step();
        expectClose(p, ref.expected[`param_after_step${i}`], 1e-4, 1e-5, `${name} step ${i}`);
      }
    });
  }
});

// Reference values computed by hand from PyTorch's update rules (torch/optim/*.py, 1.13).
describe('SGD', () => {
  it('applies dampening and maximize', () => {
    const p = tensor([1, 2], { requiresGrad: true });
    const opt = new SGD([p], { lr: 0.5, momentum: 0.5, dampening: 0.5, maximize: true });
    p.grad = tensor([1, -1]);
    opt.step(); // buf = -g = [-1, 1]; p = p - 0.5 * buf
    expect(Array.from(p.dataSync())).toEqual([1.5, 1.5]);
    p.grad = tensor([1, -1]);
    opt.step(); // buf = 0.5 * buf + 0.5 * (-g) = [-1, 1]
    expect(Array.from(p.dataSync())).toEqual([2, 1]);
  });

  it('skips parameters without a gradient and bumps the version of updated ones', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const opt = new SGD([a, b], { lr: 1 });
    a.grad = tensor([1]);
    const v = a._version;
    opt.step();
    expect(a.item()).toBe(0);
    expect(b.item()).toBe(1);
    expect(a._version).toBe(v + 1);
    expect(opt.state.get(b)).toBeUndefined();
  });

  it('rejects Nesterov without momentum', () => {
    const p = tensor([1], { requiresGrad: true });
    expect(() => new SGD([p], { lr: 0.1, nesterov: true })).toThrowError(
      'SGD: Nesterov momentum requires a momentum and zero dampening (got momentum 0, dampening 0)',
    );
  });

  it('rejects a negative learning rate', () => {
    const p = tensor([1], { requiresGrad: true });
    expect(() => new SGD([p], { lr: -1 })).toThrowError('SGD: Invalid learning rate: -1 (expected a number >= 0)');
  });
});

describe('Adagrad', () => {
  it('follows the lr-decayed accumulated-square rule', () => {
    const p = tensor([1, -2], { requiresGrad: true });
    const opt = new Adagrad([p], { lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 0.25, eps: 0 });
    expect(Array.from((opt.state.get(p)!.sum as Tensor).dataSync())).toEqual([0.25, 0.25]);
    p.grad = tensor([1, 2]);
    opt.step(); // sum = [1.25, 4.25]; p -= 0.1 * g / sqrt(sum)
    const s1 = [1 - (0.1 * 1) / Math.sqrt(1.25), -2 - (0.1 * 2) / Math.sqrt(4.25)];
    expectClose(p, s1);
    p.grad = tensor([1, 2]);
    opt.step(); // clr = 0.1 / 1.5; sum = [2.25, 8.25]
    expectClose(p, [s1[0] - (0.1 / 1.5) / Math.sqrt(2.25), s1[1] - ((0.1 / 1.5) * 2) / Math.sqrt(8.25)]);
  });
});

describe('RMSprop', () => {
  it('centers by the running mean of the gradient', () => {
    const p = tensor([0], { requiresGrad: true });
    const opt = new RMSprop([p], { lr: 1, alpha: 0.5, centered: true, eps: 0 });
    p.grad = tensor([2]);
    opt.step(); // sq = 2, gavg = 1, avg = sqrt(2 - 1) = 1 -> p = -2
    expect(p.item()).toBeCloseTo(-2, 6);
  });
});

describe('Adam', () => {
  it('maximizes when asked', () => {
    const p = tensor([0], { requiresGrad: true });
    const opt = new Adam([p], { lr: 0.1, maximize: true });
    p.grad = tensor([3]);
    opt.step(); // first Adam step moves by lr * sign
    expect(p.item()).toBeCloseTo(0.1, 5);
  });

  it('rejects betas outside [0, 1)', () => {
    const p = tensor([0], { requiresGrad: true });
    expect(() => new Adam([p], { betas: [1, 0.999] })).toThrowError('Adam: Invalid beta parameter at index 0: 1 (expected a number in [0, 1))');
    expect(() => new AdamW([p], { eps: -1 })).toThrowError('AdamW: Invalid epsilon value: -1 (expected a number >= 0)');
  });

  it('defaults AdamW weight decay to 1e-2', () => {
    const p = tensor([0], { requiresGrad: true });
    expect(new AdamW([p]).paramGroups[0].weightDecay).toBe(0.01);
    expect(new Adam([p]).paramGroups[0].weightDecay).toBe(0);
  });
});

describe('option validation of the other optimizers', () => {
  it('names the optimizer, the option and the value', () => {
    const p = tensor([0], { requiresGrad: true });
    expect(() => new Adadelta([p], { rho: 1.5 })).toThrowError('Adadelta: Invalid rho value: 1.5 (expected a number in [0, 1])');
    expect(() => new Adamax([p], { betas: [0.9, 1] })).toThrowError('Adamax: Invalid beta parameter at index 1: 1 (expected a number in [0, 1))');
    expect(() => new NAdam([p], { momentumDecay: -1 })).toThrowError('NAdam: Invalid momentum_decay value: -1 (expected a number >= 0)');
    expect(() => new RAdam([p], { betas: [0.9] as unknown as [number, number] })).toThrowError('RAdam: betas must be a pair [beta1, beta2], got 0.9');
    expect(() => new RMSprop([p], { alpha: -1 })).toThrowError('RMSprop: Invalid alpha value: -1 (expected a number >= 0)');
    expect(() => new Adagrad([p], { lrDecay: -1 })).toThrowError('Adagrad: Invalid lr_decay value: -1 (expected a number >= 0)');
  });
});
