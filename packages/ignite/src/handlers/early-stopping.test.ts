import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { loadIgniteReference } from '../../test/support/reference';
import { Engine } from '../engine/engine';
import { Events } from '../engine/events';
import { EarlyStopping } from './early-stopping';

const ref = loadIgniteReference();
const quiet = { log: () => undefined };

describe('EarlyStopping', () => {
  it('stops after the epoch ignite stops after (patience 2)', async () => {
    const { patience, scores_by_epoch: scores, stopped_after_epoch: stopped } = ref.early_stopping;
    const e = new Engine(() => null);
    const es = new EarlyStopping(patience, (eng) => scores[eng.state.epoch - 1], e, quiet);
    e.on(Events.EPOCH_COMPLETED, es);
    let completedAt = -1;
    e.on(Events.COMPLETED, (eng) => void (completedAt = eng.state.epoch));
    await e.run([0], { maxEpochs: 8 });
    expect(completedAt).toBe(stopped);
    expect(es.stateDict()).toEqual({ counter: 2, bestScore: 0.6 });
  });

  it('counts improvements below minDelta as none, and measures from the last improvement with cumulativeDelta', () => {
    const e = new Engine(() => null);
    const scores = [1, 1.05, 1.1, 1.15];
    let i = 0;
    const plain = new EarlyStopping(10, () => scores[i], e, { minDelta: 0.1, ...quiet });
    const cumulative = new EarlyStopping(10, () => scores[i], e, { minDelta: 0.1, cumulativeDelta: true, ...quiet });
    for (i = 0; i < scores.length; i++) {
      plain.call(e);
      cumulative.call(e);
    }
    expect(plain.counter).toBe(3);
    expect(plain.bestScore).toBe(1.15);
    expect(cumulative.counter).toBe(0);
    expect(cumulative.bestScore).toBe(1.15);
  });

  it('restores its counter and best score from stateDict', () => {
    const e = new Engine(() => null);
    const es = new EarlyStopping(2, () => 0, e, quiet);
    es.loadStateDict({ counter: 1, bestScore: 0.5 });
    es.call(e);
    expect(e.shouldTerminate).toBe(true);
    expect(() => es.loadStateDict({ counter: 1 } as never)).toThrow(/EarlyStopping.loadStateDict: required state attribute 'bestScore' is absent/);
  });

  it('rejects bad arguments with ValueError', () => {
    const e = new Engine(() => null);
    expect(() => new EarlyStopping(0, () => 0, e)).toThrow(ValueError);
    expect(() => new EarlyStopping(0, () => 0, e)).toThrow('EarlyStopping: patience should be a positive integer, got 0');
    expect(() => new EarlyStopping(1, 5 as never, e)).toThrow('EarlyStopping: scoreFunction should be a function');
    expect(() => new EarlyStopping(1, () => 0, e, { minDelta: -1 })).toThrow('EarlyStopping: minDelta should not be a negative number, got -1');
    expect(() => new EarlyStopping(1, () => 0, {} as never)).toThrow('EarlyStopping: trainer should be an instance of Engine');
    expect(() => new EarlyStopping(1, () => Number.NaN, e).call(e)).toThrow('EarlyStopping: scoreFunction should return a number, got NaN');
  });
});
