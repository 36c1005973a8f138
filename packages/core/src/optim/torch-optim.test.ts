import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/reference';
import { tensor } from '../ops/creation/tensor';
import { Tensor } from '../tensor/tensor';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { NAdam } from './nadam';
import type { Optimizer } from './optimizer';
import { RAdam } from './radam';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

interface Arr {
  shape: number[];
  data: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/optim/torch-optim.json', import.meta.url), 'utf8')) as {
  param: Arr;
  grads: Arr[];
  cases: Record<string, { after: Arr[]; state: Record<string, Arr | number>; param_group: Record<string, unknown> }>;
};

const make: Record<string, (p: Tensor) => Optimizer<object>> = {
  sgd_dampening_maximize: (p) => new SGD([p], { lr: 0.1, momentum: 0.8, dampening: 0.3, maximize: true }),
  sgd_weight_decay: (p) => new SGD([p], { lr: 0.1, weightDecay: 0.5 }),
  adam_maximize: (p) => new Adam([p], { lr: 0.05, betas: [0.8, 0.9], eps: 1e-6, maximize: true }),
  adamw_amsgrad: (p) => new AdamW([p], { lr: 0.05, amsgrad: true }),
  rmsprop_centered_wd: (p) => new RMSprop([p], { lr: 0.01, alpha: 0.9, centered: true, weightDecay: 0.1, momentum: 0.3 }),
  rmsprop_plain: (p) => new RMSprop([p]),
  adagrad: (p) => new Adagrad([p], { lr: 0.1, lrDecay: 0.01, weightDecay: 0.1, initialAccumulatorValue: 0.5 }),
  adadelta: (p) => new Adadelta([p], { lr: 1, rho: 0.8, weightDecay: 0.1 }),
  adamax: (p) => new Adamax([p], { lr: 0.01, weightDecay: 0.1 }),
  nadam: (p) => new NAdam([p], { lr: 0.01, weightDecay: 0.1 }),
  radam: (p) => new RAdam([p], { lr: 0.01, betas: [0.9, 0.99], weightDecay: 0.1 }),
};

const t = (a: Arr) => tensor(a.data).reshape(a.shape);

describe('optimizers: PyTorch 1.13 over 8 steps (fixtures/torch-optim.json)', () => {
  it('covers every generated case', () => {
    expect(Object.keys(make).sort()).toEqual(Object.keys(fixture.cases).sort());
  });

  for (const [name, build] of Object.entries(make)) {
    it(`matches ${name}: parameters after each step and the final state dict`, () => {
      const ref = fixture.cases[name];
      const p = t(fixture.param).requiresGrad_();
      const opt = build(p);
      fixture.grads.forEach((g, i) => {
        p.grad = t(g);
        opt.step();
        expectClose(p, ref.after[i].data, 1e-4, 1e-5, `${name} step ${i}`);
      });
      const sd = opt.stateDict();
      expect(Object.keys(sd.state[0]).sort()).toEqual(Object.keys(ref.state).sort());
      for (const [k, v] of Object.entries(ref.state)) {
        const mine = sd.state[0][k];
        if (typeof v === 'number') expect(mine as number).toBeCloseTo(v, 4);
        else expectClose(mine as Tensor, v.data, 1e-4, 1e-5, `${name} state ${k}`);
      }
      // Every PyTorch group option we implement is saved under PyTorch's name with its value.
      const group = sd.param_groups[0];
      for (const [k, v] of Object.entries(group)) expect(ref.param_group[k], `${name} group ${k}`).toEqual(v);
    });
  }
});
