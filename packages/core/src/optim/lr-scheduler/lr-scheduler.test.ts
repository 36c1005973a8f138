import { describe, expect, it } from 'vitest';
import { ValueError } from '../../errors/value-error';
import { tensor } from '../../ops/creation/tensor';
import { Adagrad } from '../adagrad';
import { SGD } from '../sgd';
import { ConstantLR } from './constant-lr';
import { CosineAnnealingWarmRestarts } from './cosine-annealing-warm-restarts';
import { CyclicLR } from './cyclic-lr';
import { ExponentialLR } from './exponential-lr';
import { LambdaLR } from './lambda-lr';
import { LinearLR } from './linear-lr';
import type { SchedulableOptimizer } from './lr-scheduler';
import { OneCycleLR } from './one-cycle-lr';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { SequentialLR } from './sequential-lr';
import { StepLR } from './step-lr';
import { ChainedScheduler } from './chained-scheduler';

function sgd(lr = 0.1, groups = 1): SGD {
  return new SGD(
    Array.from({ length: groups }, () => ({ params: [tensor([0], { requiresGrad: true })] })),
    { lr, momentum: 0.9 },
  );
}

describe('LRScheduler', () => {
  it('records initialLr, sets the first rate and reports getLastLr', () => {
    const opt = sgd(0.2);
    const s = new StepLR(opt, { stepSize: 2 });
    expect(opt.paramGroups[0].initialLr).toBe(0.2);
    expect(s.baseLrs).toEqual([0.2]);
    expect(s.lastEpoch).toBe(0);
    expect(s.getLastLr()).toEqual([0.2]);
    s.step();
    s.step();
    expect(s.getLastLr()[0]).toBeCloseTo(0.02, 12);
  });

  it('round-trips its state dict so training resumes on the same schedule', () => {
    const opt = sgd();
    const s = new StepLR(opt, { stepSize: 3, gamma: 0.5 });
    for (let i = 0; i < 4; i++) s.step();
    const sd = JSON.parse(JSON.stringify(s.stateDict()));
    expect(sd).toEqual({ base_lrs: [0.1], last_epoch: 4, _step_count: 5, _last_lr: [0.05], step_size: 3, gamma: 0.5 });
    // PyTorch's resume order: build optimizer and scheduler, then load both states.
    const opt2 = sgd();
    const s2 = new StepLR(opt2, { stepSize: 1, gamma: 0.9 });
    opt2.loadStateDict(JSON.parse(JSON.stringify(opt.stateDict())));
    s2.loadStateDict(sd);
    for (let i = 0; i < 5; i++) {
      s.step();
      s2.step();
      expect(s2.getLastLr()).toEqual(s.getLastLr());
    }
  });

  it('resumes with lastEpoch only when groups carry initialLr', () => {
    expect(() => new ExponentialLR(sgd(), { gamma: 0.9, lastEpoch: 3 })).toThrowError(
      new ValueError("ExponentialLR: param 'initialLr' is not specified in paramGroups[0] when resuming an optimizer"),
    );
  });

  it('rejects a non-optimizer and bad periods', () => {
    expect(() => new StepLR({} as SchedulableOptimizer, { stepSize: 1 })).toThrowError('StepLR: expected an Optimizer, got an instance of Object');
    expect(() => new StepLR(sgd(), { stepSize: 0 })).toThrowError('StepLR: Expected positive integer stepSize, but got 0');
    expect(() => new StepLR(sgd(), { stepSize: 1, lastEpoch: -2 })).toThrowError('StepLR: lastEpoch must be an integer >= -1, got -2');
  });

  it('checks factors of LinearLR and ConstantLR', () => {
    expect(() => new LinearLR(sgd(), { startFactor: 0 })).toThrowError(
      'LinearLR: Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got 0',
    );
    expect(() => new LinearLR(sgd(), { endFactor: 2 })).toThrowError('LinearLR: Ending multiplicative factor expected to be between 0 and 1, got 2');
    expect(() => new ConstantLR(sgd(), { factor: 1.5 })).toThrowError('ConstantLR: Constant multiplicative factor expected to be between 0 and 1, got 1.5');
  });

  it('needs one lambda per group', () => {
    expect(() => new LambdaLR(sgd(0.1, 2), { lrLambda: [() => 1] })).toThrowError('LambdaLR: Expected 2 lr_lambdas, but got 1');
    const s = new LambdaLR(sgd(), { lrLambda: (e) => 1 / (e + 1) });
    expect(s.stateDict().lr_lambdas).toEqual([null]);
  });
});

describe('OneCycleLR', () => {
  it('needs a length and refuses to step past it', () => {
    expect(() => new OneCycleLR(sgd(), { maxLr: 1 })).toThrowError('OneCycleLR: You must define either totalSteps OR (epochs AND stepsPerEpoch)');
    expect(() => new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 0 })).toThrowError('OneCycleLR: Expected positive integer totalSteps, but got 0');
    expect(() => new OneCycleLR(sgd(), { maxLr: 1, epochs: 2 })).toThrowError('OneCycleLR: Expected positive integer stepsPerEpoch, but got undefined');
    expect(() => new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 5, pctStart: 2 })).toThrowError('OneCycleLR: Expected float between 0 and 1 pctStart, but got 2');
    expect(() => new OneCycleLR(sgd(), { maxLr: [1, 2], totalSteps: 5 })).toThrowError('OneCycleLR: expected 1 values for maxLr, got 2');
    const s = new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 3 });
    s.step();
    s.step();
    s.step();
    expect(() => s.step()).toThrowError('OneCycleLR: Tried to step 4 times. The specified number of total steps is 3');
  });

  it('needs momentum to cycle it', () => {
    const opt = new Adagrad([tensor([0], { requiresGrad: true })]);
    expect(() => new OneCycleLR(opt, { maxLr: 1, totalSteps: 5 })).toThrowError(
      'OneCycleLR: optimizer must support momentum or beta1 with `cycleMomentum` option enabled',
    );
    expect(() => new OneCycleLR(opt, { maxLr: 1, totalSteps: 5, cycleMomentum: false })).not.toThrow();
  });

  it('saves its phases with PyTorch group key names and loads them back', () => {
    const s = new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 10 });
    const sd = s.stateDict();
    expect((sd._schedule_phases as { start_lr: string }[])[0].start_lr).toBe('initial_lr');
    const s2 = new OneCycleLR(sgd(), { maxLr: 1, totalSteps: 10, annealStrategy: 'linear' });
    s2.loadStateDict(sd);
    expect(s2._schedulePhases[0].startLr).toBe('initialLr');
    expect(s2._annealFuncType).toBe('cos');
  });
});

describe('CyclicLR', () => {
  it('rejects an unknown mode without scaleFn and honours a custom scaleFn', () => {
    expect(() => new CyclicLR(sgd(), { baseLr: 0.1, maxLr: 1, mode: 'zigzag' as 'triangular' })).toThrowError(
      "CyclicLR: mode is invalid and scaleFn is None (mode 'zigzag'; expected 'triangular', 'triangular2' or 'exp_range')",
    );
    const opt = sgd();
    const s = new CyclicLR(opt, { baseLr: 0, maxLr: 1, stepSizeUp: 1, scaleFn: () => 0.5, cycleMomentum: false });
    expect(s.getLastLr()).toEqual([0]);
    s.step();
    expect(s.getLastLr()).toEqual([0.5]);
  });
});

describe('CosineAnnealingWarmRestarts', () => {
  it('validates its periods and epochs', () => {
    expect(() => new CosineAnnealingWarmRestarts(sgd(), { t0: 0 })).toThrowError('CosineAnnealingWarmRestarts: Expected positive integer t0, but got 0');
    expect(() => new CosineAnnealingWarmRestarts(sgd(), { t0: 2, tMult: 1.5 })).toThrowError('CosineAnnealingWarmRestarts: Expected integer tMult >= 1, but got 1.5');
    const s = new CosineAnnealingWarmRestarts(sgd(), { t0: 2 });
    expect(() => s.step(-1)).toThrowError('CosineAnnealingWarmRestarts: Expected non-negative epoch, but got -1');
    expect(s.stateDict()).toHaveProperty('T_0', 2);
  });
});

describe('SequentialLR and ChainedScheduler', () => {
  it('check their schedulers', () => {
    const a = sgd();
    const b = sgd();
    expect(() => new SequentialLR(a, { schedulers: [new ExponentialLR(a, { gamma: 0.9 })], milestones: [1] })).toThrowError(
      'SequentialLR: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 1 and the number of milestones to be equal to 1',
    );
    expect(() => new SequentialLR(a, { schedulers: [new ExponentialLR(a, { gamma: 0.9 }), new ExponentialLR(b, { gamma: 0.9 })], milestones: [1] })).toThrowError(
      'SequentialLR: Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different',
    );
    expect(() => new ChainedScheduler([new ExponentialLR(a, { gamma: 0.9 }), new ExponentialLR(b, { gamma: 0.9 })])).toThrowError(
      'ChainedScheduler: ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different',
    );
  });

  it('save and restore their children', () => {
    const opt = sgd();
    const mk = (o: SGD) => new SequentialLR(o, { schedulers: [new LinearLR(o, { startFactor: 0.5, totalIters: 2 }), new ExponentialLR(o, { gamma: 0.5 })], milestones: [2] });
    const s = mk(opt);
    s.step();
    s.step();
    s.step();
    const sd = s.stateDict();
    expect((sd._schedulers as unknown[]).length).toBe(2);
    const opt2 = sgd();
    const s2 = mk(opt2);
    s2.loadStateDict(JSON.parse(JSON.stringify(sd)));
    opt2.paramGroups[0].lr = opt.paramGroups[0].lr;
    s.step();
    s2.step();
    expect(s2.getLastLr()).toEqual(s.getLastLr());
  });
});

describe('ReduceLROnPlateau', () => {
  it('validates its options', () => {
    expect(() => new ReduceLROnPlateau(sgd(), { factor: 1 })).toThrowError('ReduceLROnPlateau: Factor should be < 1.0, got 1');
    expect(() => new ReduceLROnPlateau(sgd(), { mode: 'up' as 'min' })).toThrowError("ReduceLROnPlateau: mode up is unknown! (expected 'min' or 'max')");
    expect(() => new ReduceLROnPlateau(sgd(), { thresholdMode: 'x' as 'rel' })).toThrowError("ReduceLROnPlateau: threshold mode x is unknown! (expected 'rel' or 'abs')");
    expect(() => new ReduceLROnPlateau(sgd(0.1, 2), { minLr: [0] })).toThrowError('ReduceLROnPlateau: expected 2 min_lrs, got 1');
    expect(() => new ReduceLROnPlateau(sgd()).step(Number.NaN)).toThrowError('ReduceLROnPlateau.step: metric must be a number, got NaN');
  });

  it('takes a tensor metric and restores its counters from a state dict', () => {
    const opt = sgd(1);
    const s = new ReduceLROnPlateau(opt, { patience: 0, factor: 0.5 });
    s.step(tensor(1));
    s.step(tensor(2));
    expect(opt.paramGroups[0].lr).toBe(0.5);
    const sd = s.stateDict();
    expect(sd).toMatchObject({ best: 1, num_bad_epochs: 0, last_epoch: 2, mode_worse: Infinity, min_lrs: [0] });
    const s2 = new ReduceLROnPlateau(sgd(1), { mode: 'max' });
    s2.loadStateDict(sd);
    expect(s2.mode).toBe('min');
    expect(s2.best).toBe(1);
    expect(s2.modeWorse).toBe(Infinity);
  });
});
