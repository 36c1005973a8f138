import { DataLoader, ValueError, manualSeed, randperm, tensor, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error';
import { DeterministicEngine } from './deterministic-engine';
import { Engine } from './engine';
import { Events, defineEvents } from './events';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('Engine.run', () => {
  it('returns the process function output in state.output and resolves with the state', async () => {
    const e = new Engine((_e, b: number) => b * 2);
    const outputs: number[] = [];
    e.on(Events.ITERATION_COMPLETED, (eng) => void outputs.push(eng.state.output as number));
    const state = await e.run([1, 2, 3], { maxEpochs: 2 });
    expect(outputs).toEqual([2, 4, 6, 2, 4, 6]);
    expect(state).toBe(e.state);
    expect([state.epoch, state.iteration, state.epochLength, state.maxEpochs]).toEqual([2, 6, 3, 2]);
    expect(state.times.EPOCH_COMPLETED).toBeGreaterThanOrEqual(0);
    expect(state.times.COMPLETED).toBeGreaterThanOrEqual(0);
  });

  it('awaits async process functions and async handlers in registration order', async () => {
    const order: string[] = [];
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const e = new Engine(async (_e, b: number) => {
      await sleep(2);
      return b;
    });
    e.on(Events.ITERATION_COMPLETED, async (eng) => {
      await sleep(3);
      order.push(`a${eng.state.output}`);
    });
    e.on(Events.ITERATION_COMPLETED, (eng) => void order.push(`b${eng.state.output}`));
    await e.run([1, 2]);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('iterates async iterables and iterables without a length (the epoch ends with the data)', async () => {
    async function* gen() {
      for (let i = 0; i < 4; i++) yield i;
    }
    const e = new Engine((_e, b: number) => b);
    const state = await e.run({ [Symbol.asyncIterator]: gen }, { maxEpochs: 2 });
    expect([state.iteration, state.epochLength]).toEqual([8, 4]);
    const e2 = new Engine((_e, b: number) => b);
    const seen: number[] = [];
    e2.on(Events.ITERATION_COMPLETED, (eng) => void seen.push(eng.state.output as number));
    await e2.run(new Set([7, 8, 9]));
    expect(seen).toEqual([7, 8, 9]);
  });

  it('runs epochLength iterations of undefined batches without data', async () => {
    const batches: unknown[] = [];
    const e = new Engine((_e, b) => void batches.push(b));
    await e.run(undefined, { epochLength: 3, maxEpochs: 2 });
    expect(batches).toEqual(new Array(6).fill(undefined));
  });

  it('continues the data across epochs when epochLength is shorter, restarting it when it runs out', async () => {
    const seen: number[] = [];
    const e = new Engine((_e, b: number) => void seen.push(b));
    let restarts = 0;
    e.on(Events.DATALOADER_STOP_ITERATION, () => void restarts++);
    await e.run([0, 1, 2, 3, 4], { epochLength: 3, maxEpochs: 3 });
    expect(seen).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3]);
    expect(restarts).toBe(1);
  });

  it('switches to new data with setData, keeping the epoch length', async () => {
    const seen: number[] = [];
    const e = new Engine((_e, b: number) => void seen.push(b));
    e.on(Events.ITERATION_COMPLETED({ once: 2 }), (eng) => eng.setData([10, 20, 30]));
    await e.run([1, 2, 3], { maxEpochs: 2 });
    expect(seen).toEqual([1, 2, 10, 20, 30, 10]);
    expect(() => e.setData(4 as never)).toThrow('Engine.setData: data should be an iterable or async iterable, got number 4');
  });

  it('trains over a DataLoader of tensors', async () => {
    const loader = new DataLoader([0, 1, 2, 3, 4, 5, 6].map((i) => [tensor([i, i]), i] as [Tensor, number]), { batchSize: 3 });
    const sizes: number[] = [];
    const e = new Engine((_e, [x]: [Tensor, Tensor]) => void sizes.push(x.shape[0]));
    await e.run(loader, { maxEpochs: 2 });
    expect(sizes).toEqual([3, 3, 1, 3, 3, 1]);
  });

  it('starts a new run when the previous one is done, and extends it with a larger maxEpochs', async () => {
    const e = new Engine(() => null);
    await e.run([1, 2], { maxEpochs: 2 });
    expect((await e.run([1, 2], { maxEpochs: 2 })).iteration).toBe(4);
    e.state.maxEpochs = 1;
    e.state.epoch = 1;
    e.state.iteration = 2;
    expect((await e.run([1, 2], { maxEpochs: 3 })).iteration).toBe(6);
  });

  it('rejects bad arguments with ValueError and ignite messages', async () => {
    const e = new Engine(() => null);
    await expect(e.run(5 as never)).rejects.toThrow(ValueError);
    await expect(e.run(5 as never)).rejects.toThrow('Engine.run: data should be an iterable or async iterable (a DataLoader, an array, ...), got number 5');
    await expect(e.run([])).rejects.toThrow('Engine.run: input data has zero size; provide non-empty data');
    await expect(e.run(undefined)).rejects.toThrow('Engine.run: epochLength should be provided if data is undefined');
    await expect(e.run([1], { maxEpochs: 0 })).rejects.toThrow('Engine.run: maxEpochs should be a positive integer, got 0');
    await expect(e.run([1], { seed: -1 })).rejects.toThrow('Engine.run: seed should be an integer >= 0, got -1');
    e.on(Events.ITERATION_COMPLETED({ once: 2 }), (eng) => eng.terminate());
    await e.run([1, 2, 3], { maxEpochs: 3 });
    await expect(e.run([1, 2, 3], { epochLength: 2 })).rejects.toThrow('Engine.run: epochLength should be the same as in the state, but given 2 vs 3');
    e.loadStateDict({ epochLength: 3, maxEpochs: 3, iteration: 6, epoch: 2 });
    await expect(e.run([1, 2, 3], { maxEpochs: 1 })).rejects.toThrow(
      'Engine.run: maxEpochs should be greater than or equal to the start epoch defined in the state: 1 vs 2. Set engine.state.maxEpochs = undefined before run() to restart the training from the beginning',
    );
    expect(() => new Engine(3 as never)).toThrow('Engine: processFunction should be a function (engine, batch) => output, got number 3');
  });

  it('refuses to run twice at once with EngineError', async () => {
    const e = new Engine(async () => new Promise((r) => setTimeout(r, 10)));
    const first = e.run([1, 2]);
    await expect(e.run([1])).rejects.toThrow(EngineError);
    await expect(e.run([1])).rejects.toThrow('Engine.run: this engine is already running (await the current run, or use another Engine)');
    await first;
  });
});

describe('Engine termination and errors', () => {
  it('terminateEpoch fires TERMINATE_SINGLE_EPOCH then EPOCH_COMPLETED and goes on with the next epoch', async () => {
    const log: string[] = [];
    const e = new Engine(() => null);
    e.on(Events.ITERATION_COMPLETED({ once: 2 }), (eng) => eng.terminateEpoch());
    e.on(Events.TERMINATE_SINGLE_EPOCH, (eng, counter) => void log.push(`TSE ${eng.state.iteration} ${counter}`));
    e.on(Events.EPOCH_COMPLETED, (eng) => void log.push(`EC ${eng.state.epoch} ${eng.state.iteration}`));
    await e.run([1, 2, 3], { maxEpochs: 2 });
    expect(log).toEqual(['TSE 2 2', 'EC 1 2', 'EC 2 5']);
  });

  it('terminate() in STARTED ends the run before any epoch', async () => {
    const e = new Engine(() => null);
    const fired: string[] = [];
    e.on(Events.STARTED, (eng) => eng.terminate());
    for (const ev of [Events.EPOCH_STARTED, Events.TERMINATE, Events.COMPLETED]) e.on(ev, () => void fired.push(ev.name));
    await e.run([1]);
    expect(fired).toEqual(['TERMINATE', 'COMPLETED']);
  });

  it('propagates an error unchanged when no EXCEPTION_RAISED handler is registered', async () => {
    const boom = new Error('boom');
    const e = new Engine(() => {
      throw boom;
    });
    await expect(e.run([1])).rejects.toBe(boom);
  });

  it('passes the error to EXCEPTION_RAISED handlers, which may stop the run', async () => {
    const seen: unknown[] = [];
    const e = new Engine((_e, b: number) => {
      if (b === 2) throw new RangeError('bad batch');
      return b;
    });
    e.on(Events.EXCEPTION_RAISED, (eng, err) => {
      seen.push(err);
      eng.terminate();
    });
    await e.run([1, 2, 3], { maxEpochs: 2 });
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toBe('bad batch');
    const rethrow = new Engine(() => {
      throw new Error('inner');
    });
    rethrow.on(Events.EXCEPTION_RAISED, (_eng, err) => {
      throw new Error(`wrapped: ${(err as Error).message}`);
    });
    await expect(rethrow.run([1])).rejects.toThrow('wrapped: inner');
  });

  it('resumes after terminate() where it stopped', async () => {
    const seen: number[] = [];
    const e = new Engine((_e, b: number) => void seen.push(b));
    const stop = e.on(Events.ITERATION_COMPLETED({ once: 4 }), (eng) => eng.terminate());
    await e.run([0, 1, 2], { maxEpochs: 2 });
    expect([e.state.epoch, e.state.iteration]).toEqual([2, 4]);
    stop.remove();
    await e.run([0, 1, 2]);
    expect(e.state.iteration).toBe(6);
    expect(seen.length).toBe(6);
  });
});

describe('Engine event handlers', () => {
  it('composes events with or(), removes handlers, and reports registration', async () => {
    const fired: string[] = [];
    const e = new Engine(() => null);
    const handler = (eng: Engine) => void fired.push(eng.lastEventName as string);
    const handle = e.on(Events.STARTED.or(Events.COMPLETED).or(Events.EPOCH_STARTED), handler);
    expect(e.hasEventHandler(handler)).toBe(true);
    expect(e.hasEventHandler(handler, Events.COMPLETED)).toBe(true);
    expect(e.hasEventHandler(handler, Events.ITERATION_COMPLETED)).toBe(false);
    await e.run([1]);
    expect(fired).toEqual(['STARTED', 'EPOCH_STARTED', 'COMPLETED']);
    handle.remove();
    expect(e.hasEventHandler(handler)).toBe(false);
    expect(() => e.removeEventHandler(handler, Events.STARTED)).toThrow("Engine.removeEventHandler: the handler is not found among the registered handlers of 'STARTED'");
    expect(() => e.removeEventHandler(handler, 'nope')).toThrow("Engine.removeEventHandler: input event name 'nope' does not exist");
  });

  it('passes registration arguments after the engine, and calls handler objects', async () => {
    const got: unknown[] = [];
    const e = new Engine(() => null);
    e.on(Events.COMPLETED, (_eng, a, b) => void got.push(a, b), 'x', 2);
    e.on(Events.COMPLETED, { call: (_eng: Engine, tag: unknown) => void got.push(tag) }, 'obj');
    await e.run([1]);
    expect(got).toEqual(['x', 2, 'obj']);
    expect(() => e.on(Events.COMPLETED, 5 as never)).toThrow('Engine.addEventHandler: handler should be a function or an object with a call(engine, ...args) method, got number 5');
  });

  it('filters with every, once (list), before/after, every with after, and a custom function', async () => {
    const hits: Record<string, number[]> = {};
    const e = new Engine(() => null);
    const add = (name: string, ev: Parameters<Engine['on']>[0]) => e.on(ev, (eng) => void (hits[name] ??= []).push(eng.state.iteration));
    add('every3', Events.ITERATION_COMPLETED({ every: 3 }));
    add('once', Events.ITERATION_COMPLETED({ once: [2, 5] }));
    add('window', Events.ITERATION_COMPLETED({ after: 2, before: 6 }));
    add('everyAfter', Events.ITERATION_COMPLETED({ every: 2, after: 3 }));
    add('odd', Events.ITERATION_COMPLETED((_eng, it) => it % 2 === 1));
    add('all', Events.ITERATION_COMPLETED({ every: 1 }));
    await e.run(range(8));
    expect(hits).toEqual({ every3: [3, 6], once: [2, 5], window: [3, 4, 5], everyAfter: [4, 6, 8], odd: [1, 3, 5, 7], all: range(8).map((i) => i + 1) });
  });

  it('rejects bad filters with ValueError naming the event', () => {
    expect(() => Events.ITERATION_COMPLETED({ every: 0 })).toThrow(ValueError);
    expect(() => Events.ITERATION_COMPLETED({ every: 0 })).toThrow('Events.ITERATION_COMPLETED: every should be an integer greater than zero, got 0');
    expect(() => Events.EPOCH_COMPLETED({ once: [] })).toThrow('Events.EPOCH_COMPLETED: once should be a positive integer or a non-empty list of positive integers, got []');
    expect(() => Events.EPOCH_COMPLETED({ before: -1 })).toThrow('Events.EPOCH_COMPLETED: before should be an integer >= 0, got -1');
    expect(() => Events.EPOCH_COMPLETED({ after: 1.5 })).toThrow('Events.EPOCH_COMPLETED: after should be an integer >= 0, got 1.5');
    expect(() => Events.STARTED({ every: 2, once: 3 })).toThrow('Events.STARTED: only one of eventFilter, once, or every/before/after should be given (got ["every","once"])');
    expect(() => Events.STARTED({})).toThrow('Events.STARTED: only one of eventFilter, once, or every/before/after should be given (got [])');
    const e = new Engine(() => null);
    expect(() => e.on(Events.EXCEPTION_RAISED({ every: 2 }), () => null)).toThrow('Engine.addEventHandler: Events.EXCEPTION_RAISED(filter) has no counter in State, so it cannot take a filter');
  });

  it('registers and fires custom events, and refuses unregistered ones', async () => {
    const Custom = defineEvents({ BACKWARD_STARTED: 'backward_started', STEP_DONE: 'step_done' }, { eventToAttr: { STEP_DONE: 'steps' } });
    const log: string[] = [];
    const e = new Engine(async (eng) => {
      await eng.fireEvent(Custom.BACKWARD_STARTED);
      eng.state.steps = ((eng.state.steps as number | undefined) ?? 0) + 1;
      await eng.fireEvent(Custom.STEP_DONE);
      await eng.fireEvent('my_event');
    });
    expect(() => e.on(Custom.BACKWARD_STARTED, () => null)).toThrow("Engine.addEventHandler: event Events.BACKWARD_STARTED is not a valid event for this Engine (register custom events with registerEvents)");
    e.registerEvents(Custom, 'my_event');
    e.on(Custom.BACKWARD_STARTED, (eng) => void log.push(`bw${eng.state.iteration}`));
    e.on(Custom.STEP_DONE({ every: 2 }), (eng) => void log.push(`step${eng.state.steps}`));
    e.on('my_event', () => void log.push('mine'));
    await e.run([1, 2]);
    expect(log).toEqual(['bw1', 'mine', 'bw2', 'step2', 'mine']);
    expect(() => e.fireEvent('other')).toThrow("Engine.fireEvent: event 'other' is not a valid event for this Engine (register custom events with registerEvents)");
    expect(() => defineEvents({ STARTED: 'x' })).toThrow('defineEvents: STARTED is already a built-in event');
    expect(() => e.registerEvents(3 as never)).toThrow('Engine.registerEvents: value at 0 should be an event, an event name or a group from defineEvents, got number 3');
  });
});

describe('Engine.stateDict / loadStateDict', () => {
  it('saves ignite keys plus completed epochs, and user keys', async () => {
    const e = new Engine(() => null);
    e.stateDictUserKeys.push('alpha');
    e.on(Events.STARTED, (eng) => void (eng.state.alpha = 0.1));
    let inside: unknown;
    e.on(Events.ITERATION_COMPLETED({ once: 5 }), (eng) => void (inside = eng.stateDict()));
    await e.run([1, 2, 3], { maxEpochs: 3 });
    expect(inside).toEqual({ epochLength: 3, maxEpochs: 3, iteration: 5, epoch: 1, seed: null, metrics: {}, alpha: 0.1 });
    e.on(Events.COMPLETED, (eng) => void (eng.state.metrics.acc = 0.5));
    await e.run([1, 2, 3], { maxEpochs: 3 });
    expect(e.stateDict()).toEqual({ epochLength: 3, maxEpochs: 3, iteration: 9, epoch: 3, seed: null, metrics: { acc: 0.5 }, alpha: 0.1 });
    const restored = new Engine(() => null);
    restored.loadStateDict(e.stateDict());
    expect(restored.state.metrics).toEqual({ acc: 0.5 });
  });

  it('resumes inside an epoch without firing EPOCH_STARTED again', async () => {
    const events: string[] = [];
    const e = new Engine(() => null);
    e.loadStateDict({ epochLength: 4, maxEpochs: 2, iteration: 6, epoch: 1 });
    e.on(Events.EPOCH_STARTED, (eng) => void events.push(`ES${eng.state.epoch}`));
    e.on(Events.ITERATION_COMPLETED, (eng) => void events.push(`I${eng.state.iteration}`));
    e.on(Events.EPOCH_COMPLETED, (eng) => void events.push(`EC${eng.state.epoch}`));
    await e.run([0, 1, 2, 3]);
    expect(events).toEqual(['I7', 'I8', 'EC2']);
  });

  it('resumes at the end of an epoch by firing only its EPOCH_COMPLETED', async () => {
    const events: string[] = [];
    const e = new Engine(() => null);
    e.loadStateDict({ epochLength: 2, maxEpochs: 2, iteration: 2, epoch: 0 });
    e.on(Events.EPOCH_STARTED, (eng) => void events.push(`ES${eng.state.epoch}`));
    e.on(Events.ITERATION_COMPLETED, (eng) => void events.push(`I${eng.state.iteration}`));
    e.on(Events.EPOCH_COMPLETED, (eng) => void events.push(`EC${eng.state.epoch}`));
    await e.run([0, 1]);
    expect(events).toEqual(['EC1', 'ES2', 'I3', 'I4', 'EC2']);
  });

  it('takes ignite-style state dicts (iteration or epoch only)', () => {
    const e = new Engine(() => null);
    e.loadStateDict({ epochLength: 10, maxEpochs: 5, iteration: 25 });
    expect([e.state.epoch, e.state.iteration]).toEqual([2, 25]);
    e.loadStateDict({ epochLength: 10, maxEpochs: 5, epoch: 3 });
    expect([e.state.epoch, e.state.iteration]).toEqual([3, 30]);
  });

  it('rejects incomplete or inconsistent state dicts with ValueError', () => {
    const e = new Engine(() => null);
    e.stateDictUserKeys.push('beta');
    expect(() => e.loadStateDict(null as never)).toThrow('Engine.loadStateDict: state_dict should be an object, got null');
    expect(() => e.loadStateDict({ maxEpochs: 1, iteration: 0, beta: 1 } as never)).toThrow("Engine.loadStateDict: required state attribute 'epochLength' is absent in provided state_dict (keys: maxEpochs, iteration, beta)");
    expect(() => e.loadStateDict({ epochLength: 1, maxEpochs: 1, iteration: 0 })).toThrow("Engine.loadStateDict: required state attribute 'beta' is absent");
    expect(() => e.loadStateDict({ epochLength: 1, maxEpochs: 1, beta: 1 })).toThrow("Engine.loadStateDict: state_dict should contain 'iteration' or 'epoch' (keys: epochLength, maxEpochs, beta)");
    expect(() => e.loadStateDict({ epochLength: null, maxEpochs: 1, epoch: 1, beta: 1 })).toThrow('Engine.loadStateDict: if epoch is provided in the state dict, epochLength should not be null');
    expect(() => e.loadStateDict({ epochLength: 2, maxEpochs: 3, iteration: 9, epoch: 1, beta: 1 })).toThrow('Engine.loadStateDict: iteration 9 is beyond the epoch after the 1 completed ones (epochLength 2)');
    expect(() => e.loadStateDict({ epochLength: 2, maxEpochs: 0, iteration: 0, beta: 1 })).toThrow('Engine.loadStateDict: maxEpochs should be a positive integer, got 0');
  });

  it('makes a deterministic resume see exactly the batches and random numbers of an uninterrupted run', async () => {
    const data = range(10);
    const loader = new DataLoader(data, { batchSize: 3, shuffle: true });
    const record = (e: Engine, out: string[]) => e.on(Events.ITERATION_COMPLETED, (eng) => void out.push(JSON.stringify(eng.state.output)));
    const step = (_e: Engine, b: Tensor) => [b.tolist(), randperm(5).tolist()];

    manualSeed(3);
    const full: string[] = [];
    const a = new Engine(step);
    record(a, full);
    await a.run(loader, { maxEpochs: 3, seed: 7 });

    const part: string[] = [];
    let saved: ReturnType<Engine['stateDict']> | null = null;
    const b = new Engine(step);
    record(b, part);
    b.on(Events.ITERATION_COMPLETED({ once: 6 }), (eng) => {
      saved = eng.stateDict();
      eng.terminate();
    });
    manualSeed(99);
    await b.run(loader, { maxEpochs: 3, seed: 7 });
    expect(saved!.rngStates).toBeTruthy();

    manualSeed(12345);
    const c = new DeterministicEngine(step);
    record(c, part);
    c.loadStateDict(JSON.parse(JSON.stringify(saved)));
    await c.run(loader);
    expect(part).toEqual(full);
    expect(full).toHaveLength(12);
  });
});
