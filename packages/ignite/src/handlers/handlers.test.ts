import { ValueError, nn, optim, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { Checkpoint } from './checkpoint';
import { LRScheduler } from './lr-scheduler';
import { ReduceLROnPlateauScheduler } from './reduce-lr-on-plateau-scheduler';
import type { SaveHandler } from './save-handler';
import { TerminateOnNan } from './terminate-on-nan';
import { Timer } from './timer';

function memorySaver(): SaveHandler & { files: Map<string, unknown>; log: string[] } {
  const files = new Map<string, unknown>();
  const log: string[] = [];
  return {
    files,
    log,
    save: (c, f) => void (files.set(f, c), log.push(`save ${f}`)),
    remove: (f) => void (files.delete(f), log.push(`remove ${f}`)),
    load: (f) => files.get(f),
  };
}

describe('TerminateOnNan', () => {
  it.each([
    ['a NaN number', Number.NaN],
    ['an infinite tensor element', [1, Infinity]],
    ['a NaN inside an object', { loss: Number.NaN }],
  ])('stops the run on %s', async (_name, bad) => {
    const outputs = [1, 2, bad, 4];
    const e = new Engine((eng) => {
      const o = outputs[eng.state.iteration - 1];
      return Array.isArray(o) ? tensor(o) : o;
    });
    e.on(Events.ITERATION_COMPLETED, new TerminateOnNan({ log: () => undefined }));
    const state = await e.run([0, 1, 2, 3]);
    expect(state.iteration).toBe(3);
  });

  it('runs to the end on finite outputs', async () => {
    const e = new Engine(() => tensor([1, 2]));
    e.on(Events.ITERATION_COMPLETED, new TerminateOnNan());
    expect((await e.run([0, 1, 2])).iteration).toBe(3);
    expect(() => new TerminateOnNan({ outputTransform: 3 as never })).toThrow('TerminateOnNan: outputTransform should be a function');
  });
});

describe('Timer', () => {
  it('averages the time per step between resume and pause', async () => {
    const e = new Engine(async () => new Promise((r) => setTimeout(r, 5)));
    const timer = new Timer({ average: true }).attach(e, { start: Events.EPOCH_STARTED, resume: Events.ITERATION_STARTED, pause: Events.ITERATION_COMPLETED, step: Events.ITERATION_COMPLETED });
    await e.run([0, 1, 2, 3]);
    expect(timer.stepCount).toBe(4);
    expect(timer.value()).toBeGreaterThan(0.003);
    expect(timer.value()).toBeLessThan(0.5);
  });
});

describe('Checkpoint', () => {
  it('writes the new checkpoint before removing the one it replaces', async () => {
    const saver = memorySaver();
    const model = new nn.Linear(1, 1);
    const e = new Engine(() => null);
    const ck = new Checkpoint({ model }, saver, { nSaved: 1 });
    e.on(Events.EPOCH_COMPLETED, ck);
    await e.run([0, 1], { maxEpochs: 2 });
    expect(saver.log).toEqual(['save model_2.pt', 'save model_4.pt', 'remove model_2.pt']);
    expect([...saver.files.keys()]).toEqual(['model_4.pt']);
    expect(ck.lastCheckpoint).toBe('model_4.pt');
  });

  it('names files with the global step transform and the score, and includes itself on request', async () => {
    const saver = memorySaver();
    const model = new nn.Linear(1, 1);
    const e = new Engine(() => null);
    e.state.metrics = {};
    const ck = new Checkpoint({ model, trainer: e }, saver, {
      filenamePrefix: 'run',
      scoreFunction: (eng) => eng.state.epoch / 10,
      scoreName: 'val',
      globalStepTransform: (eng) => eng.state.epoch,
      includeSelf: true,
      nSaved: 2,
    });
    e.on(Events.EPOCH_COMPLETED, ck);
    await e.run([0], { maxEpochs: 3 });
    expect([...saver.files.keys()].sort()).toEqual(['run_checkpoint_2_val=0.2000.pt', 'run_checkpoint_3_val=0.3000.pt']);
    const last = saver.files.get('run_checkpoint_3_val=0.3000.pt') as Record<string, unknown>;
    expect(last.checkpointer).toEqual({ saved: [[0.2, 'run_checkpoint_2_val=0.2000.pt'], [0.3, 'run_checkpoint_3_val=0.3000.pt']] });
    const ck2 = new Checkpoint({ model }, saver);
    ck2.loadStateDict(last.checkpointer as { saved: [number, string][] });
    expect(ck2.savedCheckpoints.map((s) => s.filename)).toEqual(['run_checkpoint_2_val=0.2000.pt', 'run_checkpoint_3_val=0.3000.pt']);
  });

  it('reloads a saved checkpoint by its name parts', async () => {
    const saver = memorySaver();
    const model = new nn.Linear(2, 1);
    const e = new Engine(() => null);
    const ck = new Checkpoint({ model }, saver, { nSaved: null });
    e.on(Events.ITERATION_COMPLETED, ck);
    await e.run([0, 1]);
    const other = new nn.Linear(2, 1);
    await ck.reloadObjects({ model: other }, { globalStep: 2 });
    expect((other.weight as unknown as { tolist(): unknown }).tolist()).toEqual((model.weight as unknown as { tolist(): unknown }).tolist());
  });

  it('builds ignite default filename patterns', () => {
    expect(Checkpoint.setupFilenamePattern()).toBe('{filename_prefix}_{name}_{global_step}_{score_name}={score}.{ext}');
    expect(Checkpoint.setupFilenamePattern({ withPrefix: false, withScoreName: false, withGlobalStep: false })).toBe('{name}_{score}.{ext}');
    expect(() => Checkpoint.setupFilenamePattern({ withScore: false, withGlobalStep: false })).toThrow('Checkpoint.setupFilenamePattern: at least one of withScore and withGlobalStep should be true');
  });

  it('rejects bad arguments with ValueError', async () => {
    const model = new nn.Linear(1, 1);
    expect(() => new Checkpoint({ model: 3 } as never, memorySaver())).toThrow("Checkpoint: object 'model' should have a stateDict() method");
    expect(() => new Checkpoint({ model }, {} as never)).toThrow(ValueError);
    expect(() => new Checkpoint({ model }, memorySaver(), { nSaved: 0 })).toThrow('Checkpoint: nSaved should be a positive integer or null, got 0');
    expect(() => new Checkpoint({ model, checkpointer: model }, memorySaver(), { includeSelf: true })).toThrow("Checkpoint: cannot have key 'checkpointer' if includeSelf is true");
    await expect(Checkpoint.loadObjects({ model, opt: model }, { model: {} })).rejects.toThrow("Checkpoint.loadObjects: object 'opt' is not found in the checkpoint (keys: model)");
    const e = new Engine(() => null);
    const ck = new Checkpoint({ model }, memorySaver(), { scoreFunction: () => Number.NaN });
    await expect(ck.call(e)).rejects.toThrow('Checkpoint: output of scoreFunction should be a number, got NaN');
  });
});

describe('LRScheduler', () => {
  it('keeps the initial rate on the first call and steps the scheduler on later ones', async () => {
    const model = new nn.Linear(1, 1);
    const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
    const sched = new optim.lrScheduler.StepLR(opt, { stepSize: 2, gamma: 0.1 });
    expect(LRScheduler.simulateValues(5, sched).map((r) => r[1].toPrecision(3))).toEqual(['0.100', '0.100', '0.0100', '0.0100', '0.00100']);
    expect(opt.paramGroups[0].lr).toBe(0.1);
    const e = new Engine(() => opt.paramGroups[0].lr);
    e.on(Events.EPOCH_STARTED, new LRScheduler(sched, { saveHistory: true }));
    const seen: number[] = [];
    e.on(Events.EPOCH_COMPLETED, (eng) => void seen.push(eng.state.output as number));
    await e.run([0], { maxEpochs: 5 });
    expect(seen.map((v) => v.toPrecision(3))).toEqual(['0.100', '0.100', '0.0100', '0.0100', '0.00100']);
    expect((e.state.paramHistory as number[][][] | undefined)?.length).toBeUndefined();
    expect((e.state.paramHistory as Record<string, number[][]>).lr.length).toBe(5);
    expect(() => new LRScheduler({} as never)).toThrow(/LRScheduler: lrScheduler should be a @dl\/core scheduler/);
  });
});

describe('ReduceLROnPlateauScheduler', () => {
  it('reduces the rate when the evaluator metric stops improving', async () => {
    const model = new nn.Linear(1, 1);
    const opt = new optim.SGD(model.parameters(), { lr: 1 });
    const plateau = new optim.lrScheduler.ReduceLROnPlateau(opt, { mode: 'max', patience: 1, factor: 0.5 });
    // PyTorch: with patience 1 the rate halves on the 2nd check in a row without improvement (4th and 6th here).
    const accs = [0.5, 0.6, 0.6, 0.6, 0.6, 0.6];
    let run = 0;
    const evaluator = new Engine(() => null);
    evaluator.on(Events.COMPLETED, (eng) => void (eng.state.metrics.acc = accs[run++]));
    evaluator.on(Events.COMPLETED, new ReduceLROnPlateauScheduler(plateau, 'acc'));
    for (let i = 0; i < accs.length; i++) await evaluator.run([0]);
    expect(opt.paramGroups[0].lr).toBe(0.25);
    const bad = new Engine(() => null);
    bad.on(Events.COMPLETED, new ReduceLROnPlateauScheduler(plateau, 'missing'));
    await expect(bad.run([0])).rejects.toThrow("ReduceLROnPlateauScheduler: engine.state.metrics['missing'] should be a number, got nothing (is the metric attached?)");
  });
});
