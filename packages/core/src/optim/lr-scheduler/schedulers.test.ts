import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose, loadReference } from '../../../test/support/reference';
import { tensor } from '../../ops/creation/tensor';
import { Adam } from '../adam';
import type { Optimizer } from '../optimizer';
import { SGD } from '../sgd';
import { ChainedScheduler } from './chained-scheduler';
import { ConstantLR } from './constant-lr';
import { CosineAnnealingLR } from './cosine-annealing-lr';
import { CosineAnnealingWarmRestarts } from './cosine-annealing-warm-restarts';
import { CyclicLR } from './cyclic-lr';
import { ExponentialLR } from './exponential-lr';
import { LambdaLR } from './lambda-lr';
import { LinearLR } from './linear-lr';
import type { SchedulableOptimizer } from './lr-scheduler';
import { MultiStepLR } from './multi-step-lr';
import { MultiplicativeLR } from './multiplicative-lr';
import { OneCycleLR } from './one-cycle-lr';
import { PolynomialLR } from './polynomial-lr';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { SequentialLR } from './sequential-lr';
import { StepLR } from './step-lr';

interface TorchCase {
  lrs: number[][];
  momenta: number[][];
  state_keys: string[];
  state: Record<string, unknown>;
}
const torchCases = JSON.parse(readFileSync(new URL('../../../test/fixtures/lr-scheduler/schedulers.json', import.meta.url), 'utf8')) as {
  cases: Record<string, TorchCase> & { epoch_jumps: Record<string, number[]> };
};

interface Stepper {
  step(metric: number): void;
  stateDict(): Record<string, unknown>;
}

function sgd(lrs: number[] = [0.1], momentum = 0): SGD {
  return new SGD(
    lrs.map((lr) => ({ params: [tensor([0], { requiresGrad: true })], lr })),
    { lr: lrs[0], momentum },
  );
}

/** Records lr (and momentum) per epoch as the fixtures do: read, optimizer.step(), scheduler.step(). */
function run(opt: Optimizer<object>, sched: Stepper, epochs = 12, metrics?: number[]) {
  const lrs: number[][] = [];
  const momenta: number[][] = [];
  for (let e = 0; e < epochs; e++) {
    lrs.push(opt.paramGroups.map((g) => g.lr));
    momenta.push(opt.paramGroups.map((g) => (g.betas ? (g.betas as number[])[0] : ((g.momentum as number | undefined) ?? 0))));
    opt.step();
    sched.step(metrics ? metrics[e] : (undefined as unknown as number));
  }
  return { lrs, momenta };
}

// PyTorch attributes that have no meaning here (printing, call guards, Python callables).
const PY_ONLY = new Set(['verbose', '_get_lr_called_within_step', 'anneal_func', '_scale_fn_ref']);

function expectTorchCase(name: string, opt: Optimizer<object>, sched: Stepper, metrics?: number[]): void {
  const ref = torchCases.cases[name];
  const got = run(opt, sched, 12, metrics);
  expectClose(got.lrs.flat(), ref.lrs.flat(), 1e-9, 1e-12, `${name} lrs`);
  expectClose(got.momenta.flat(), ref.momenta.flat(), 1e-9, 1e-12, `${name} momenta`);
  const sd = sched.stateDict();
  for (const k of ref.state_keys) if (!PY_ONLY.has(k)) expect(sd, `${name} state key ${k}`).toHaveProperty(k);
  for (const [k, v] of Object.entries(ref.state)) {
    if (PY_ONLY.has(k) || k === '_schedulers' || k === '_schedule_phases') continue;
    const mine = sd[k];
    if (typeof v === 'number') expect(mine as number, `${name} state ${k}`).toBeCloseTo(v, 12);
    else if (v === 'inf' || v === '-inf') expect(mine).toBe(v === 'inf' ? Infinity : -Infinity);
    else if (Array.isArray(v)) expectClose(mine as number[], v as number[], 1e-12, 1e-15, `${name} state ${k}`);
    else expect(mine, `${name} state ${k}`).toEqual(v);
  }
}

describe('schedulers: shared PyTorch reference (12 epochs)', () => {
  const make: Record<string, (o: SchedulableOptimizer) => Stepper> = {
    steplr: (o) => new StepLR(o, { stepSize: 3, gamma: 0.5 }),
    exponentiallr: (o) => new ExponentialLR(o, { gamma: 0.9 }),
    cosineannealinglr: (o) => new CosineAnnealingLR(o, { tMax: 10, etaMin: 0.001 }),
    multisteplr: (o) => new MultiStepLR(o, { milestones: [2, 5, 9], gamma: 0.1 }),
  };
  for (const [name, mk] of Object.entries(make)) {
    it(`matches sched_${name}`, () => {
      const ref = loadReference(`sched_${name}`);
      const opt = sgd();
      const { lrs } = run(opt, mk(opt));
      expectClose(lrs.flat(), ref.expected.lrs, 1e-4, 1e-5, name);
    });
  }
});

describe('schedulers: PyTorch 1.13 values (fixtures/schedulers.json)', () => {
  const cases: [string, () => [Optimizer<object>, Stepper, number[]?]][] = [
    ['steplr_two_groups', () => { const o = sgd([0.1, 0.01]); return [o, new StepLR(o, { stepSize: 3, gamma: 0.5 })]; }],
    ['multisteplr_repeat', () => { const o = sgd(); return [o, new MultiStepLR(o, { milestones: [4, 2, 4], gamma: 0.5 })]; }],
    ['constantlr', () => { const o = sgd(); return [o, new ConstantLR(o, { factor: 0.5, totalIters: 4 })]; }],
    ['linearlr', () => { const o = sgd(); return [o, new LinearLR(o, { startFactor: 0.25, endFactor: 1, totalIters: 4 })]; }],
    ['linearlr_decay', () => { const o = sgd(); return [o, new LinearLR(o, { startFactor: 1, endFactor: 0.5, totalIters: 6 })]; }],
    ['lambdalr', () => { const o = sgd(); return [o, new LambdaLR(o, { lrLambda: (e) => 0.9 ** e / (1 + e) })]; }],
    ['multiplicativelr', () => { const o = sgd(); return [o, new MultiplicativeLR(o, { lrLambda: () => 0.95 })]; }],
    ['polynomiallr', () => { const o = sgd(); return [o, new PolynomialLR(o, { totalIters: 6, power: 2 })]; }],
    ['cosineannealinglr_short', () => { const o = sgd(); return [o, new CosineAnnealingLR(o, { tMax: 3, etaMin: 0.01 })]; }],
    ['onecyclelr_cos', () => { const o = sgd([0.1], 0.9); return [o, new OneCycleLR(o, { maxLr: 1, totalSteps: 12 })]; }],
    ['onecyclelr_linear_three_phase', () => {
      const o = sgd([0.1], 0.9);
      return [o, new OneCycleLR(o, { maxLr: 0.5, epochs: 3, stepsPerEpoch: 4, annealStrategy: 'linear', threePhase: true, pctStart: 0.25 })];
    }],
    ['onecyclelr_adam', () => {
      const o = new Adam([tensor([0], { requiresGrad: true })], { lr: 0.1 });
      return [o, new OneCycleLR(o, { maxLr: 0.01, totalSteps: 12, divFactor: 10, finalDivFactor: 100 })];
    }],
    ['cycliclr_triangular', () => { const o = sgd([0.1], 0.9); return [o, new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 3, stepSizeDown: 2 })]; }],
    ['cycliclr_triangular2', () => { const o = sgd([0.1], 0.9); return [o, new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, mode: 'triangular2' })]; }],
    ['cycliclr_exp_range', () => {
      const o = sgd([0.1], 0.9);
      return [o, new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, mode: 'exp_range', gamma: 0.9, cycleMomentum: false })];
    }],
    ['cosineannealingwarmrestarts', () => { const o = sgd(); return [o, new CosineAnnealingWarmRestarts(o, { t0: 3, tMult: 2, etaMin: 0.01 })]; }],
    ['cosineannealingwarmrestarts_mult1', () => { const o = sgd(); return [o, new CosineAnnealingWarmRestarts(o, { t0: 4 })]; }],
    ['sequentiallr', () => {
      const o = sgd();
      return [o, new SequentialLR(o, { schedulers: [new LinearLR(o, { startFactor: 0.1, totalIters: 3 }), new ExponentialLR(o, { gamma: 0.9 })], milestones: [3] })];
    }],
    ['sequentiallr_three', () => {
      const o = sgd();
      const s = [new ConstantLR(o, { factor: 0.5, totalIters: 2 }), new StepLR(o, { stepSize: 2, gamma: 0.5 }), new CosineAnnealingLR(o, { tMax: 4 })];
      return [o, new SequentialLR(o, { schedulers: s, milestones: [2, 6] })];
    }],
    ['chainedscheduler', () => {
      const o = sgd();
      return [o, new ChainedScheduler([new ConstantLR(o, { factor: 0.1, totalIters: 2 }), new ExponentialLR(o, { gamma: 0.9 })])];
    }],
    ['reducelronplateau_min', () => {
      const o = sgd();
      return [o, new ReduceLROnPlateau(o, { factor: 0.5, patience: 1, cooldown: 1, minLr: 0.02 }), [1.0, 0.9, 0.9, 0.95, 0.91, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]];
    }],
    ['reducelronplateau_max_abs', () => {
      const o = sgd();
      return [
        o,
        new ReduceLROnPlateau(o, { mode: 'max', factor: 0.1, patience: 2, threshold: 0.05, thresholdMode: 'abs' }),
        [0.5, 0.6, 0.62, 0.64, 0.66, 0.7, 0.71, 0.72, 0.73, 0.8, 0.8, 0.8],
      ];
    }],
  ];
  for (const [name, make] of cases) {
    it(`matches ${name}`, () => {
      const [opt, sched, metrics] = make();
      expectTorchCase(name, opt, sched, metrics);
    });
  }

  it('jumps with step(epoch) using the closed forms', () => {
    const jumps = torchCases.cases.epoch_jumps;
    const o1 = sgd();
    const cos = new CosineAnnealingLR(o1, { tMax: 10, etaMin: 0.001 });
    const got1 = [5, 2, 9, 15].map((e) => (cos.step(e), o1.paramGroups[0].lr));
    expectClose(got1, jumps.cosineannealinglr, 1e-9, 1e-12);
    const o2 = sgd();
    const warm = new CosineAnnealingWarmRestarts(o2, { t0: 3, tMult: 2 });
    const got2 = [0.5, 2.5, 3.0, 4.25, 9.5, 20.0].map((e) => (warm.step(e), o2.paramGroups[0].lr));
    expectClose(got2, jumps.cosineannealingwarmrestarts, 1e-9, 1e-12);
  });
});
