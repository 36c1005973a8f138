import { ValueError, defaultGenerator, tick } from '@dl/core';
import { EngineError } from '../errors/engine-error';
import { isPromiseLike } from '../utils/is-promise-like';
import { dataLength, describe, isEngineData, noneIterator, openIterator, type DataIterator, type EngineData } from './data-iterator';
import { checkEngineStateDict, type EngineStateDict } from './engine-state-dict';
import { engineEventHooks } from './event-hooks';
import { EventRegistry, makeEntry } from './event-registry';
import { Events, EventsList, describeEvent, eventKey, isEvent, isEventEnum, type CallableEventWithFilter, type EventEnum, type EventName } from './events';
import type { EventHandler } from './handler';
import { RemovableEventHandle } from './removable-event-handle';
import { captureRngStates, restoreRngStates, seedPass, type RngStates } from './rng-states';
import { State } from './state';

/**
 * The function an Engine runs on every batch: `processFunction(engine, batch)`, sync or async.
 * What it returns becomes `engine.state.output`.
 */
export type ProcessFunction<B, O> = (engine: Engine<B, O>, batch: B) => O | Promise<O>;

/** Options of {@link Engine.run}. */
export interface RunOptions {
  /**
   * The epoch to stop after. A fresh run defaults to 1; when resuming, a larger value extends
   * the run. @default 1 (or the state's when resuming)
   */
  maxEpochs?: number;
  /** Iterations per epoch. @default the data's length (or the iteration where it runs out) */
  epochLength?: number;
  /**
   * Makes the run deterministic, as ignite's `DeterministicEngine`: every pass over the data
   * reseeds the default generator (and the DataLoader's own) with `seed + pass`, and a run
   * resumed from a `stateDict()` replays the data to the saved iteration. @default undefined
   */
  seed?: number;
}

/** Control flow of `terminate()`: caught by the run loop, never seen by users. */
class TerminateSignal {}
class TerminateEpochSignal {}

const K_GET_BATCH_STARTED = Events.GET_BATCH_STARTED.name;
const K_GET_BATCH_COMPLETED = Events.GET_BATCH_COMPLETED.name;
const K_ITERATION_STARTED = Events.ITERATION_STARTED.name;
const K_ITERATION_COMPLETED = Events.ITERATION_COMPLETED.name;
const K_DATALOADER_STOP_ITERATION = Events.DATALOADER_STOP_ITERATION.name;

/** Iterations between yields to the event loop grow or shrink to yield about every 2 ms. */
const MAX_YIELD_BUDGET = 1 << 16;

/**
 * Runs a process function over every batch of some data for a number of epochs, firing events
 * that handlers, metrics and loggers attach to (pytorch-ignite's `Engine`). `run` returns a
 * promise of the final {@link State}; handlers and the process function may be async.
 *
 * Between iterations the engine yields to the event loop with `dl.tick()` (about every 2 ms of
 * work, every iteration for slow steps), so tensors the loop drops are freed as it runs.
 *
 * @example
 * ```ts
 * const trainer = new Engine((engine, [x, y]: [Tensor, Tensor]) => {
 *   optimizer.zeroGrad();
 *   const loss = lossFn(model.forward(x), y);
 *   loss.backward();
 *   optimizer.step();
 *   return loss.item();
 * });
 * trainer.on(Events.ITERATION_COMPLETED({ every: 100 }), (e) => console.log(e.state.iteration, e.state.output));
 * await trainer.run(trainLoader, { maxEpochs: 5 });
 * ```
 */
export class Engine<B = unknown, O = unknown> {
  /** The run's state, shared with every handler. */
  state: State<B, O> = new State<B, O>();
  /** The name of the event fired last. */
  lastEventName: string | null = null;
  /** Set by `terminate()`: the run stops after the current event. */
  shouldTerminate = false;
  /** Set by `terminateEpoch()`: the epoch stops after the current event. */
  shouldTerminateSingleEpoch = false;
  /** Whether a fresh run without `seed` draws one (ignite's `DeterministicEngine`). */
  deterministic = false;
  /** Names of `state` fields that `stateDict()` saves and `loadStateDict()` requires. */
  readonly stateDictUserKeys: string[] = [];

  // Stored without its type parameters so Engine<B, O> stays assignable to Engine (handlers, metrics).
  private readonly processFunction: (engine: never, batch: never) => unknown;
  private readonly registry = new EventRegistry();
  private readonly allowed = new Map<string, CallableEventWithFilter | string>();
  private dataIter: DataIterator | null = null;
  private initIter: number | null = null;
  private inEpoch = false;
  private running = false;
  private resuming = false;
  private pendingRng: RngStates | null = null;
  private yieldBudget = 1;
  private sinceYield = 0;
  private lastYield = 0;

  constructor(processFunction: ProcessFunction<B, O>) {
    if (typeof processFunction !== 'function') throw new ValueError(`Engine: processFunction should be a function (engine, batch) => output, got ${describe(processFunction)}`);
    this.processFunction = processFunction;
    for (const ev of Object.values(Events)) this.allowed.set(ev.name, ev);
  }

  /**
   * Registers custom events so handlers can be added to them and `fireEvent` can fire them:
   * event objects from {@link defineEvents}, whole groups, or plain names.
   *
   * @example
   * ```ts
   * const Custom = defineEvents({ BACKWARD_STARTED: 'backward_started' });
   * engine.registerEvents(Custom);
   * engine.registerEvents('my_event');
   * ```
   */
  registerEvents(...eventNames: Array<EventName | EventEnum>): void {
    for (const [i, e] of eventNames.entries()) {
      if (isEventEnum(e)) for (const ev of Object.values(e)) this.allowed.set(ev.name, ev);
      else if (isEvent(e)) this.allowed.set(e.name, e);
      else if (typeof e === 'string' && e.length > 0) this.allowed.set(e, e);
      else throw new ValueError(`Engine.registerEvents: value at ${i} should be an event, an event name or a group from defineEvents, got ${describe(e)}`);
    }
  }

  /**
   * Adds a handler to an event (or to every event of an `or` list); it runs as
   * `handler(engine, ...args)` each time the event fires and its filter passes. Handlers of one
   * event run in registration order; async handlers are awaited.
   *
   * @example
   * ```ts
   * engine.addEventHandler(Events.EPOCH_COMPLETED, (e, tag: unknown) => console.log(tag, e.state.epoch), 'train');
   * ```
   */
  addEventHandler(event: EventName | EventsList, handler: EventHandler<this>, ...args: unknown[]): RemovableEventHandle {
    if (event instanceof EventsList) {
      for (const e of event) this.addEventHandler(e, handler, ...args);
      return new RemovableEventHandle(event, handler, this);
    }
    const op = 'Engine.addEventHandler';
    if (typeof handler !== 'function' && (handler === null || typeof handler !== 'object' || typeof (handler as { call?: unknown }).call !== 'function')) {
      throw new ValueError(`${op}: handler should be a function or an object with a call(engine, ...args) method, got ${describe(handler)}`);
    }
    const key = this.assertAllowed(event, op);
    let filter = isEvent(event) ? event.filter : undefined;
    let attr: string | undefined;
    if (filter !== undefined) {
      const registered = this.allowed.get(key);
      attr = (isEvent(event) ? event.attr : undefined) ?? (isEvent(registered) ? registered.attr : undefined);
      if (attr === undefined) throw new ValueError(`${op}: ${describeEvent(event)} has no counter in State, so it cannot take a filter`);
    } else filter = undefined;
    this.registry.add(key, makeEntry(handler, args, filter, attr));
    return new RemovableEventHandle(event, handler, this);
  }

  /**
   * Same as {@link Engine.addEventHandler} (ignite's `@engine.on(event)` decorator, called directly).
   *
   * @example
   * ```ts
   * trainer.on(Events.ITERATION_COMPLETED({ every: 100 }), (engine) => console.log(engine.state.output));
   * ```
   */
  on(event: EventName | EventsList, handler: EventHandler<this>, ...args: unknown[]): RemovableEventHandle {
    return this.addEventHandler(event, handler, ...args);
  }

  /**
   * Whether `handler` is registered for `event` (for any event when omitted).
   *
   * @example
   * ```ts
   * engine.hasEventHandler(logLoss, Events.ITERATION_COMPLETED); // true
   * ```
   */
  hasEventHandler(handler: unknown, event?: EventName): boolean {
    return this.registry.has(handler, event === undefined ? undefined : eventKey(event));
  }

  /**
   * Removes `handler` from `event`; throws a `ValueError` when it is not registered there.
   *
   * @example
   * ```ts
   * engine.removeEventHandler(logLoss, Events.ITERATION_COMPLETED);
   * ```
   */
  removeEventHandler(handler: unknown, event: EventName | EventsList): void {
    if (event instanceof EventsList) {
      for (const e of event) this.removeEventHandler(handler, e);
      return;
    }
    this.registry.remove(handler, eventKey(event), 'Engine.removeEventHandler');
  }

  /**
   * Runs the handlers of a registered event now (for custom events fired from the process
   * function). Returns a promise when a handler is async: await it.
   *
   * @example
   * ```ts
   * await engine.fireEvent(BackpropEvents.BACKWARD_STARTED);
   * ```
   */
  fireEvent(event: EventName): void | Promise<void> {
    const key = this.assertAllowed(event, 'Engine.fireEvent');
    return this.fire(key);
  }

  /**
   * Stops the run after the current event: `TERMINATE` then `COMPLETED` fire, and `run`
   * resolves. A later `run()` resumes where it stopped.
   *
   * @example
   * ```ts
   * trainer.on(Events.ITERATION_COMPLETED, (e) => { if (Number.isNaN(e.state.output)) e.terminate(); });
   * ```
   */
  terminate(): void {
    this.shouldTerminate = true;
  }

  /**
   * Stops the current epoch after the current event: `TERMINATE_SINGLE_EPOCH` and
   * `EPOCH_COMPLETED` fire, and the run goes on with the next epoch.
   *
   * @example
   * ```ts
   * trainer.on(Events.ITERATION_COMPLETED({ once: 50 }), (e) => e.terminateEpoch());
   * ```
   */
  terminateEpoch(): void {
    this.shouldTerminateSingleEpoch = true;
  }

  /**
   * The state needed to resume the run: `epochLength`, `maxEpochs`, `iteration`, `epoch`
   * (completed epochs), `seed`, `metrics` (the values handlers see), the `stateDictUserKeys`
   * fields, and in deterministic runs the random-number state. Saved inside an epoch, it resumes
   * inside that epoch.
   *
   * @example
   * ```ts
   * await save({ trainer: trainer.stateDict(), model: model.stateDict() }, 'ckpt.safetensors');
   * ```
   */
  stateDict(): EngineStateDict {
    const s = this.state;
    const out: EngineStateDict = {
      epochLength: s.epochLength ?? null,
      maxEpochs: s.maxEpochs ?? null,
      iteration: s.iteration,
      epoch: this.completedEpochs(),
      seed: s.seed ?? null,
      metrics: structuredClone(s.metrics),
    };
    for (const k of this.stateDictUserKeys) out[k] = s[k];
    if (s.seed !== undefined) out.rngStates = this.running || this.pendingRng === null ? captureRngStates(s.dataloader) : this.pendingRng;
    return out;
  }

  /**
   * Restores a `stateDict()` (or ignite's keys in camelCase); the next `run` resumes from it.
   * Needs `epochLength`, `maxEpochs`, and `iteration` or `epoch`.
   *
   * @example
   * ```ts
   * trainer.loadStateDict(checkpoint.trainer);
   * await trainer.run(trainLoader); // continues where the checkpoint was taken
   * ```
   */
  loadStateDict(stateDict: EngineStateDict): void {
    if (this.running) throw new EngineError('Engine.loadStateDict: cannot load a state while the engine is running');
    checkEngineStateDict(stateDict, this.stateDictUserKeys);
    const s = this.state;
    s.maxEpochs = stateDict.maxEpochs ?? undefined;
    s.epochLength = stateDict.epochLength ?? undefined;
    for (const k of this.stateDictUserKeys) s[k] = stateDict[k];
    if (stateDict.iteration !== undefined) {
      s.iteration = stateDict.iteration;
      s.epoch = stateDict.epoch ?? (s.epochLength !== undefined ? Math.floor(s.iteration / s.epochLength) : 0);
    } else {
      s.epoch = stateDict.epoch as number;
      s.iteration = (s.epochLength as number) * s.epoch;
    }
    if (stateDict.seed !== undefined && stateDict.seed !== null) s.seed = stateDict.seed;
    if (stateDict.metrics !== undefined && stateDict.metrics !== null) s.metrics = structuredClone(stateDict.metrics);
    this.pendingRng = stateDict.rngStates ?? null;
    this.inEpoch = false;
    this.closeIterator();
  }

  /**
   * Replaces the data mid-run; the next batch comes from `data` (the epoch length is kept).
   *
   * @example
   * ```ts
   * trainer.on(Events.ITERATION_COMPLETED({ once: 5000 }), () => trainer.setData(harderLoader));
   * ```
   */
  setData(data: EngineData<B>): void {
    if (!isEngineData(data)) throw new ValueError(`Engine.setData: data should be an iterable or async iterable, got ${describe(data)}`);
    this.state.dataloader = data;
    this.closeIterator();
    this.dataIter = openIterator(data);
  }

  /**
   * Runs the process function over `data` (a DataLoader, an array, any iterable or async
   * iterable) for `maxEpochs` epochs and resolves with the final state. Like ignite: when the
   * state has epochs left (after `terminate()` or `loadStateDict`), the run resumes; when it is
   * done, a new run starts. Without data, `epochLength` batches of `undefined` are processed.
   *
   * @example
   * ```ts
   * const state = await trainer.run(trainLoader, { maxEpochs: 10 });
   * console.log(state.epoch, state.iteration);
   * ```
   */
  async run(data?: EngineData<B>, options: RunOptions = {}): Promise<State<B, O>> {
    const op = 'Engine.run';
    if (this.running) throw new EngineError(`${op}: this engine is already running (await the current run, or use another Engine)`);
    if (data !== undefined && data !== null && !isEngineData(data)) throw new ValueError(`${op}: data should be an iterable or async iterable (a DataLoader, an array, ...), got ${describe(data)}`);
    const { maxEpochs, epochLength, seed } = options;
    if (maxEpochs !== undefined && !(Number.isInteger(maxEpochs) && maxEpochs > 0)) throw new ValueError(`${op}: maxEpochs should be a positive integer, got ${String(maxEpochs)}`);
    if (epochLength !== undefined && !(Number.isInteger(epochLength) && epochLength > 0)) throw new ValueError(`${op}: epochLength should be a positive integer, got ${String(epochLength)}`);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) throw new ValueError(`${op}: seed should be an integer >= 0, got ${String(seed)}`);
    const s = this.state;
    const completed = this.completedEpochs();
    if (s.maxEpochs !== undefined) {
      if (maxEpochs !== undefined) {
        if (maxEpochs < completed) {
          throw new ValueError(
            `${op}: maxEpochs should be greater than or equal to the start epoch defined in the state: ${maxEpochs} vs ${completed}. Set engine.state.maxEpochs = undefined before run() to restart the training from the beginning`,
          );
        }
        s.maxEpochs = maxEpochs;
      }
      if (epochLength !== undefined && epochLength !== s.epochLength) {
        throw new ValueError(`${op}: epochLength should be the same as in the state, but given ${epochLength} vs ${String(s.epochLength)}`);
      }
    }
    const done = s.maxEpochs !== undefined && ((s.epochLength !== undefined && s.iteration >= s.epochLength * s.maxEpochs) || completed >= s.maxEpochs);
    if (s.maxEpochs === undefined || done) {
      let length = epochLength;
      if (length === undefined) {
        if (data === undefined || data === null) throw new ValueError(`${op}: epochLength should be provided if data is undefined`);
        length = dataLength(data);
        if (length === 0) throw new ValueError(`${op}: input data has zero size; provide non-empty data`);
      }
      s.iteration = 0;
      s.epoch = 0;
      s.maxEpochs = maxEpochs ?? 1;
      s.epochLength = length;
      s.seed = seed ?? (this.deterministic ? defaultGenerator.nextUint32() % 1_000_000_000 : undefined);
      this.pendingRng = null;
      this.resuming = false;
    } else {
      if (s.epochLength === undefined && (data === undefined || data === null)) throw new ValueError(`${op}: epochLength should be provided if data is undefined`);
      s.epoch = completed;
      if (s.seed === undefined && seed !== undefined) s.seed = seed;
      this.resuming = true;
    }
    this.inEpoch = false;
    this.closeIterator();
    s.dataloader = data ?? undefined;
    return this.internalRun();
  }

  /** Epochs fully completed (the current one counts once its EPOCH_COMPLETED fires). */
  private completedEpochs(): number {
    return this.inEpoch ? this.state.epoch - 1 : this.state.epoch;
  }

  private isDone(): boolean {
    const s = this.state;
    if (s.maxEpochs === undefined) return false;
    return (s.epochLength !== undefined && s.iteration >= s.epochLength * s.maxEpochs) || s.epoch >= s.maxEpochs;
  }

  private assertAllowed(event: unknown, op: string): string {
    if (!isEvent(event) && typeof event !== 'string') throw new ValueError(`${op}: expected an event (Events.X, a custom event or its name), got ${describe(event)}`);
    const key = eventKey(event);
    if (!this.allowed.has(key)) throw new ValueError(`${op}: event ${describeEvent(event)} is not a valid event for this Engine (register custom events with registerEvents)`);
    return key;
  }

  private fire(key: string, extra?: readonly unknown[]): void | Promise<void> {
    this.lastEventName = key;
    return this.registry.fire(this, key, extra);
  }

  private checkTerminate(): void {
    if (this.shouldTerminate) throw new TerminateSignal();
    if (this.shouldTerminateSingleEpoch) throw new TerminateEpochSignal();
  }

  private async handleException(e: unknown): Promise<void> {
    if (this.registry.count(Events.EXCEPTION_RAISED.name) > 0) await this.fire(Events.EXCEPTION_RAISED.name, [e]);
    else throw e;
  }

  private closeIterator(): void {
    this.dataIter?.close();
    this.dataIter = null;
  }

  private async internalRun(): Promise<State<B, O>> {
    this.running = true;
    this.shouldTerminate = this.shouldTerminateSingleEpoch = false;
    const s = this.state;
    s.times.EPOCH_COMPLETED = 0;
    s.times.COMPLETED = 0;
    this.yieldBudget = 1;
    this.sinceYield = 0;
    this.lastYield = performance.now();
    try {
      try {
        if (this.resuming && this.pendingRng) restoreRngStates(this.pendingRng, s.dataloader);
        const start = performance.now();
        await this.fire(Events.STARTED.name);
        this.checkTerminate();
        while (!this.isDone() && !this.shouldTerminate) {
          // A state saved inside an epoch resumes inside it, without firing EPOCH_STARTED again.
          const insideEpoch = s.epochLength !== undefined && s.iteration > s.epoch * s.epochLength;
          s.epoch += 1;
          const t0 = performance.now();
          if (!insideEpoch) {
            await this.fire(Events.EPOCH_STARTED.name);
            this.checkTerminate();
          }
          this.inEpoch = true;
          let epochTime = (performance.now() - t0) / 1000;
          if (this.dataIter === null) await this.setupEngine();
          epochTime += await this.runOnceOnDataset();
          s.times.EPOCH_COMPLETED = epochTime;
          this.inEpoch = false;
          const t1 = performance.now();
          await this.fire(Events.EPOCH_COMPLETED.name);
          s.times.EPOCH_COMPLETED = epochTime + (performance.now() - t1) / 1000;
          this.checkTerminate();
        }
        s.times.COMPLETED = (performance.now() - start) / 1000;
      } catch (e) {
        if (!(e instanceof TerminateSignal)) throw e;
        await this.fire(Events.TERMINATE.name);
      }
      const t2 = performance.now();
      await this.fire(Events.COMPLETED.name);
      s.times.COMPLETED = (s.times.COMPLETED ?? 0) + (performance.now() - t2) / 1000;
    } catch (e) {
      this.closeIterator();
      this.running = false;
      await this.handleException(e);
    } finally {
      this.closeIterator();
      this.running = false;
      this.resuming = false;
      this.pendingRng = null;
    }
    return s;
  }

  private async setupDataIterator(): Promise<void> {
    const s = this.state;
    this.closeIterator();
    if (s.dataloader === undefined || s.dataloader === null) {
      this.dataIter = noneIterator(s.epochLength as number);
      return;
    }
    if (s.seed !== undefined) {
      const per = dataLength(s.dataloader) ?? s.epochLength ?? 1;
      seedPass(s.seed, Math.floor(s.iteration / per), s.dataloader);
    }
    this.dataIter = openIterator(s.dataloader);
  }

  /** First epoch of a run: opens the data and, in deterministic resumes, replays it to the saved iteration. */
  private async setupEngine(): Promise<void> {
    const s = this.state;
    await this.setupDataIterator();
    if (this.initIter !== null) return;
    const length = s.epochLength;
    const inEpoch = length !== undefined ? s.iteration - (s.epoch - 1) * length : 0;
    this.initIter = Math.max(0, inEpoch);
    if (s.seed === undefined || s.dataloader === undefined || s.dataloader === null) return;
    const per = dataLength(s.dataloader) ?? length;
    const skip = per !== undefined ? s.iteration % per : inEpoch;
    if (skip === 0 && s.iteration > 0) {
      // The saved run stood at the end of a pass: its next batch request restarts (and reseeds)
      // the data after whatever handlers run first, so this run must do the same.
      this.closeIterator();
      this.dataIter = noneIterator(0);
    }
    const it = this.dataIter!;
    for (let i = 0; i < skip; i++) {
      const r = it.sync ? it.sync.next() : await it.async!.next();
      if (r.done) break;
    }
    if (this.pendingRng && (skip > 0 || inEpoch > 0)) restoreRngStates(this.pendingRng, s.dataloader);
    this.pendingRng = null;
  }

  private async runOnceOnDataset(): Promise<number> {
    const s = this.state;
    const start = performance.now();
    let iterCounter = this.initIter ?? 0;
    this.initIter = null;
    let shouldExit = false;
    const length = s.epochLength;
    // The hot loop: handler lists are held directly, and nothing is awaited that is not a promise.
    const reg = this.registry;
    const hooks = engineEventHooks;
    const getStarted = reg.listFor(K_GET_BATCH_STARTED);
    const getCompleted = reg.listFor(K_GET_BATCH_COMPLETED);
    const iterStarted = reg.listFor(K_ITERATION_STARTED);
    const iterCompleted = reg.listFor(K_ITERATION_COMPLETED);
    const process = this.processFunction as unknown as ProcessFunction<B, O>;
    try {
      while (length === undefined || iterCounter < length) {
        s.batch = undefined;
        s.output = undefined;
        if (this.lastEventName !== K_DATALOADER_STOP_ITERATION) {
          this.lastEventName = K_GET_BATCH_STARTED;
          if (getStarted.length !== 0 || hooks.recorder !== null) {
            const p = reg.fireList(this, K_GET_BATCH_STARTED, getStarted);
            if (p) await p;
          }
          if (this.shouldTerminate || this.shouldTerminateSingleEpoch) this.checkTerminate();
        }
        const it = this.dataIter!;
        const res = it.sync !== null ? it.sync.next() : await it.async!.next();
        if (res.done) {
          if (s.epochLength === undefined) {
            if (iterCounter === 0) throw new ValueError('Engine.run: the data gave no batch in its first epoch; provide non-empty data');
            s.epochLength = iterCounter;
            break;
          }
          if (shouldExit) {
            globalThis.process?.emitWarning?.(
              `Data iterator can not provide data anymore but required total number of iterations to run is not reached. Current iteration: ${s.iteration} vs Total iterations to run : ${s.epochLength * (s.maxEpochs ?? 1)}`,
            );
            break;
          }
          await this.fire(K_DATALOADER_STOP_ITERATION);
          this.checkTerminate();
          await this.setupDataIterator();
          shouldExit = true;
          continue;
        }
        s.batch = res.value as B;
        this.lastEventName = K_GET_BATCH_COMPLETED;
        if (getCompleted.length !== 0 || hooks.recorder !== null) {
          const p = reg.fireList(this, K_GET_BATCH_COMPLETED, getCompleted);
          if (p) await p;
        }
        if (this.shouldTerminate || this.shouldTerminateSingleEpoch) this.checkTerminate();
        iterCounter++;
        shouldExit = false;
        s.iteration++;
        this.lastEventName = K_ITERATION_STARTED;
        if (iterStarted.length !== 0 || hooks.recorder !== null) {
          const p = reg.fireList(this, K_ITERATION_STARTED, iterStarted);
          if (p) await p;
        }
        if (this.shouldTerminate || this.shouldTerminateSingleEpoch) this.checkTerminate();
        let out = process(this, s.batch);
        if (out instanceof Promise || isPromiseLike(out)) out = await out;
        s.output = out as O;
        this.lastEventName = K_ITERATION_COMPLETED;
        if (iterCompleted.length !== 0 || hooks.recorder !== null) {
          const p = reg.fireList(this, K_ITERATION_COMPLETED, iterCompleted);
          if (p) await p;
        }
        if (this.shouldTerminate || this.shouldTerminateSingleEpoch) this.checkTerminate();
        if (++this.sinceYield >= this.yieldBudget) await this.yieldToEventLoop();
      }
    } catch (e) {
      if (e instanceof TerminateEpochSignal) {
        await this.fire(Events.TERMINATE_SINGLE_EPOCH.name, [iterCounter]);
        this.shouldTerminateSingleEpoch = false;
        await this.setupDataIterator();
      } else if (e instanceof TerminateSignal) {
        throw e;
      } else {
        await this.handleException(e);
      }
    }
    return (performance.now() - start) / 1000;
  }

  /** Gives finalizers and I/O a turn (`dl.tick()`), about every 2 ms of work. */
  private async yieldToEventLoop(): Promise<void> {
    const elapsed = performance.now() - this.lastYield;
    if (elapsed < 1) this.yieldBudget = Math.min(this.yieldBudget * 2, MAX_YIELD_BUDGET);
    else if (elapsed > 4 && this.yieldBudget > 1) this.yieldBudget >>= 1;
    this.sinceYield = 0;
    await tick();
    this.lastYield = performance.now();
  }
}
