import { nn, optim } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { BaseLogger, globalStepFromEngine } from './base-logger';
import { ConsoleLogger } from './console-logger';
import { flattenValues, type LogRecord } from './log-record';

class MemoryLogger extends BaseLogger {
  records: LogRecord[] = [];
  write(r: LogRecord): void {
    this.records.push(r);
  }
}

describe('loggers', () => {
  it('record evaluator metrics at the trainer epoch, output values and optimizer rates', async () => {
    const trainer = new Engine((_e, b: number) => b * 2);
    const evaluator = new Engine(() => null);
    evaluator.on(Events.COMPLETED, (e) => void (e.state.metrics.acc = 0.25 * trainer.state.epoch));
    trainer.on(Events.EPOCH_COMPLETED, () => evaluator.run([0]));
    const log = new MemoryLogger();
    log.attachOutputHandler(evaluator, { eventName: Events.COMPLETED, tag: 'validation', metricNames: 'all', globalStepTransform: globalStepFromEngine(trainer) });
    log.attachOutputHandler(trainer, { eventName: Events.ITERATION_COMPLETED({ every: 2 }), tag: 'training', outputTransform: (x) => ({ loss: x as number }) });
    const opt = new optim.SGD(new nn.Linear(1, 1).parameters(), { lr: 0.5 });
    log.attachOptParamsHandler(trainer, { eventName: Events.EPOCH_STARTED, optimizer: opt });
    await trainer.run([1, 2], { maxEpochs: 2 });
    const v = log.records.filter((r) => r.tag === 'validation').map((r) => [r.step, r.values.acc]);
    expect(v).toEqual([[1, 0.25], [2, 0.5]]);
    expect(log.records.filter((r) => r.tag === 'training').map((r) => [r.step, r.values.loss])).toEqual([[2, 4], [4, 4]]);
    expect(log.records.filter((r) => r.tag === 'optimizer').map((r) => r.values['lr/group_0'])).toEqual([0.5, 0.5]);
  });

  it('print readable lines on the console logger', async () => {
    const lines: string[] = [];
    const e = new Engine(() => 0.123456);
    e.on(Events.EPOCH_COMPLETED, (eng) => void (eng.state.metrics.recall = [1, 0.5]));
    const log = new ConsoleLogger({ print: (l) => void lines.push(l) });
    log.attachOutputHandler(e, { eventName: Events.EPOCH_COMPLETED, tag: 'train', metricNames: ['recall'], outputTransform: (x) => x as number });
    await e.run([0, 1], { maxEpochs: 2 });
    expect(lines).toEqual(['[train] epoch 1: recall=[1, 0.5000] output=0.1235', '[train] epoch 2: recall=[1, 0.5000] output=0.1235']);
  });

  it('flatten vectors, matrices and records to scalar columns', () => {
    expect(flattenValues({ a: 1, v: [2, 3], m: [[4], [5]], r: { x: 6 } })).toEqual({ a: 1, 'v[0]': 2, 'v[1]': 3, 'm[0][0]': 4, 'm[1][0]': 5, 'r.x': 6 });
  });

  it('reject bad handler options with ValueError', () => {
    const e = new Engine(() => null);
    const log = new MemoryLogger();
    expect(() => log.attachOutputHandler(e, { eventName: Events.COMPLETED, tag: 'x' })).toThrow('MemoryLogger.attachOutputHandler: give at least one of metricNames, outputTransform or stateAttributes');
    expect(() => log.attachOutputHandler(e, { eventName: Events.COMPLETED, tag: 'x', metricNames: 'some' as never })).toThrow(`MemoryLogger.attachOutputHandler: metricNames should be a list of names or 'all', got "some"`);
    log.attachOutputHandler(e, { eventName: Events.COMPLETED, tag: 'x', metricNames: ['missing'] });
    return expect(e.run([0])).rejects.toThrow("MemoryLogger.attachOutputHandler: metric 'missing' is not in engine.state.metrics (have: )");
  });
});
