import { ValueError, nn } from '@dl/core';
import type { Engine } from '../engine/engine';
import type { CheckpointMetadata, SaveHandler } from './save-handler';
import { loadCheckpointFile } from './load-checkpoint-file';

/** Anything a checkpoint can save and restore: models, optimizers, schedulers, engines, metrics, handlers. */
export interface Checkpointable {
  stateDict(): unknown;
  loadStateDict(stateDict: never, ...rest: never[]): unknown;
}

/** Options of {@link Checkpoint} (ignite's arguments in camelCase). */
export interface CheckpointOptions {
  /** Put before every file name: `{prefix}_{name}...`. @default '' */
  filenamePrefix?: string;
  /** Scores a checkpoint; the `nSaved` best are kept. Without it the newest are kept. @default undefined */
  scoreFunction?: (engine: Engine) => number;
  /** Writes `{scoreName}={score}` in file names; alone, scores with `state.metrics[scoreName]`. @default undefined */
  scoreName?: string;
  /** How many checkpoints to keep; null keeps all. @default 1 */
  nSaved?: number | null;
  /** The step in file names, from the engine and the event: `(engine, event) => engine.state.epoch`. @default the iteration (when unscored) */
  globalStepTransform?: (engine: Engine, eventName: string | null) => number;
  /** A file name pattern with `{filename_prefix}`, `{name}`, `{global_step}`, `{score_name}`, `{score}`, `{ext}`. @default ignite's pattern */
  filenamePattern?: string;
  /** Also save this handler's own state (the list of kept files) under `checkpointer`. @default false */
  includeSelf?: boolean;
  /** On equal scores keep the newest checkpoint (else the first). @default false */
  greaterOrEqual?: boolean;
}

/** Options of {@link Checkpoint.loadObjects}. */
export interface LoadObjectsOptions {
  /** Passed to `nn.Module.loadStateDict`: require exactly matching keys. @default true */
  strict?: boolean;
}

/** One kept checkpoint: its priority (score or step) and file name. */
export interface SavedCheckpoint {
  priority: number;
  filename: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

function checkObjects(objs: unknown, method: 'stateDict' | 'loadStateDict', op: string): asserts objs is Record<string, Checkpointable> {
  if (!isPlainObject(objs)) throw new ValueError(`${op}: expected an object of named objects ({ model, optimizer, ... }), got ${objs === null ? 'null' : typeof objs}`);
  for (const [k, v] of Object.entries(objs)) {
    if (v === null || typeof v !== 'object' || typeof (v as Record<string, unknown>)[method] !== 'function') {
      throw new ValueError(`${op}: object '${k}' should have a ${method}() method`);
    }
  }
}

/**
 * Saves objects' `stateDict()`s when called as an event handler, keeping the `nSaved` newest or
 * best-scored, with ignite's file names (ignite's `Checkpoint`): `{prefix}_{name}_{step}.pt`,
 * `{prefix}_{name}_{scoreName}={score}.pt`, where `name` is the single object's key or
 * `checkpoint`. A new checkpoint is written (atomically, by the save handler) before the one it
 * replaces is removed, so a crash at any point leaves at least one complete checkpoint.
 *
 * @example
 * ```ts
 * import { DiskSaver } from '@dl/ignite/node';
 * const toSave = { model, optimizer, trainer };
 * const handler = new Checkpoint(toSave, new DiskSaver('/tmp/ckpt', { requireEmpty: false }), { nSaved: 2 });
 * trainer.on(Events.ITERATION_COMPLETED({ every: 1000 }), handler);
 * // later: await Checkpoint.loadObjects(toSave, '/tmp/ckpt/checkpoint_3000.pt');
 * ```
 */
export class Checkpoint {
  /** The objects saved (ModelCheckpoint sets them per call). */
  toSave: Record<string, Checkpointable>;
  /** Where checkpoints go. */
  readonly saveHandler: SaveHandler;
  readonly filenamePrefix: string;
  readonly scoreFunction: ((engine: Engine) => number) | undefined;
  readonly scoreName: string | undefined;
  readonly nSaved: number | null;
  readonly globalStepTransform: ((engine: Engine, eventName: string | null) => number) | undefined;
  readonly filenamePattern: string | undefined;
  readonly includeSelf: boolean;
  readonly greaterOrEqual: boolean;
  /** The file extension (the save handler's). */
  readonly ext: string;
  private saved: SavedCheckpoint[] = [];

  constructor(toSave: Record<string, Checkpointable>, saveHandler: SaveHandler, options: CheckpointOptions = {}) {
    const op = new.target.name;
    checkObjects(toSave, 'stateDict', op);
    if (options.includeSelf && 'checkpointer' in toSave) throw new ValueError(`${op}: cannot have key 'checkpointer' if includeSelf is true`);
    if (saveHandler === null || typeof saveHandler !== 'object' || typeof saveHandler.save !== 'function' || typeof saveHandler.remove !== 'function') {
      throw new ValueError(`${op}: saveHandler should have save(checkpoint, filename, metadata) and remove(filename) methods (a DiskSaver from '@dl/ignite/node', for files)`);
    }
    if (options.globalStepTransform !== undefined && typeof options.globalStepTransform !== 'function') throw new ValueError(`${op}: globalStepTransform should be a function`);
    if (options.scoreFunction !== undefined && typeof options.scoreFunction !== 'function') throw new ValueError(`${op}: scoreFunction should be a function`);
    const nSaved = options.nSaved === undefined ? 1 : options.nSaved;
    if (nSaved !== null && !(Number.isInteger(nSaved) && nSaved > 0)) throw new ValueError(`${op}: nSaved should be a positive integer or null, got ${String(nSaved)}`);
    this.toSave = toSave;
    this.saveHandler = saveHandler;
    this.filenamePrefix = options.filenamePrefix ?? '';
    this.scoreName = options.scoreName;
    this.scoreFunction = options.scoreFunction ?? (options.scoreName !== undefined ? Checkpoint.getDefaultScoreFn(options.scoreName) : undefined);
    this.nSaved = nSaved;
    this.globalStepTransform = options.globalStepTransform;
    this.filenamePattern = options.filenamePattern;
    this.includeSelf = options.includeSelf ?? false;
    this.greaterOrEqual = options.greaterOrEqual ?? false;
    this.ext = saveHandler.ext ?? 'pt';
  }

  /**
   * ignite's default file name pattern for the given parts.
   *
   * @example
   * ```ts
   * Checkpoint.setupFilenamePattern(); // '{filename_prefix}_{name}_{global_step}_{score_name}={score}.{ext}'
   * ```
   */
  static setupFilenamePattern(options: { withPrefix?: boolean; withScore?: boolean; withScoreName?: boolean; withGlobalStep?: boolean } = {}): string {
    const { withPrefix = true, withScore = true, withScoreName = true, withGlobalStep = true } = options;
    if (!(withGlobalStep || withScore)) throw new ValueError('Checkpoint.setupFilenamePattern: at least one of withScore and withGlobalStep should be true');
    let pattern = '{name}';
    if (withGlobalStep) pattern += '_{global_step}';
    if (withScoreName && withScore) pattern += '_{score_name}={score}';
    else if (withScore) pattern += '_{score}';
    else if (withScoreName) throw new ValueError('Checkpoint.setupFilenamePattern: if withScoreName is true, withScore should be also true');
    if (withPrefix) pattern = '{filename_prefix}_' + pattern;
    return pattern + '.{ext}';
  }

  /**
   * A score function reading `engine.state.metrics[metricName]` (times `scoreSign`; use -1 for
   * losses, so lower is better).
   *
   * @example
   * ```ts
   * new Checkpoint(toSave, saver, { scoreFunction: Checkpoint.getDefaultScoreFn('loss', -1), scoreName: 'neg_loss' });
   * ```
   */
  static getDefaultScoreFn(metricName: string, scoreSign: 1 | -1 = 1): (engine: Engine) => number {
    if (scoreSign !== 1 && scoreSign !== -1) throw new ValueError(`Checkpoint.getDefaultScoreFn: scoreSign should be 1 or -1, got ${String(scoreSign)}`);
    return (engine: Engine) => {
      const v = engine.state.metrics[metricName];
      if (typeof v !== 'number') throw new ValueError(`Checkpoint: engine.state.metrics['${metricName}'] should be a number, got ${v === undefined ? 'nothing' : typeof v}`);
      return scoreSign * v;
    };
  }

  /** The kept checkpoints, lowest priority first. */
  get savedCheckpoints(): readonly SavedCheckpoint[] {
    return this.saved;
  }

  /** The newest kept checkpoint's file name (its path for a save handler with a `dirname`). */
  get lastCheckpoint(): string | null {
    if (this.saved.length < 1) return null;
    const f = this.saved[this.saved.length - 1].filename;
    return this.saveHandler.dirname ? `${this.saveHandler.dirname.replace(/[\\/]+$/, '')}/${f}` : f;
  }

  /**
   * Forgets the kept checkpoints (files stay), for an engine that runs several times.
   *
   * @example
   * ```ts
   * trainer.on(Events.STARTED, () => checkpoint.reset());
   * ```
   */
  reset(): void {
    this.saved = [];
  }

  private globalStepPattern(globalStep: number | undefined): string {
    return (
      this.filenamePattern ??
      Checkpoint.setupFilenamePattern({
        withPrefix: this.filenamePrefix.length > 0,
        withScore: this.scoreFunction !== undefined,
        withScoreName: this.scoreName !== undefined,
        withGlobalStep: globalStep !== undefined,
      })
    );
  }

  private checkpointObject(): { name: string; data: unknown } {
    const entries = Object.entries(this.toSave);
    const states: Record<string, unknown> = {};
    for (const [k, v] of entries) states[k] = v.stateDict();
    if (entries.length === 1) return { name: entries[0][0], data: states[entries[0][0]] };
    return { name: 'checkpoint', data: states };
  }

  private compare(priority: number): boolean {
    const lowest = this.saved[0].priority;
    return this.greaterOrEqual ? priority >= lowest : priority > lowest;
  }

  private underLimit(): boolean {
    return this.nSaved === null || this.saved.length < this.nSaved;
  }

  /**
   * Saves a checkpoint if it ranks among the `nSaved` kept (the handler's work when an event
   * fires). Resolves once it is written and any replaced checkpoint is removed.
   *
   * @example
   * ```ts
   * await checkpoint.call(trainer); // save now, outside an event
   * ```
   */
  async call(engine: Engine): Promise<void> {
    let globalStep = this.globalStepTransform ? this.globalStepTransform(engine, engine.lastEventName) : undefined;
    let priority: number;
    if (this.scoreFunction !== undefined) {
      priority = this.scoreFunction(engine);
      if (typeof priority !== 'number' || Number.isNaN(priority)) throw new ValueError(`${this.constructor.name}: output of scoreFunction should be a number, got ${String(priority)}`);
    } else {
      globalStep ??= engine.state.iteration;
      priority = globalStep;
    }
    if (!(this.underLimit() || this.compare(priority))) return;
    const scoreText = this.scoreFunction !== undefined ? priority.toFixed(4) : String(priority);
    const { name, data } = this.checkpointObject();
    const filename = this.globalStepPattern(globalStep)
      .replaceAll('{filename_prefix}', this.filenamePrefix)
      .replaceAll('{ext}', this.ext)
      .replaceAll('{name}', name)
      .replaceAll('{score_name}', this.scoreName ?? 'None')
      .replaceAll('{score}', this.scoreFunction !== undefined ? scoreText : 'None')
      .replaceAll('{global_step}', globalStep === undefined ? 'None' : String(globalStep));
    const metadata: CheckpointMetadata = { basename: this.filenamePrefix ? `${this.filenamePrefix}_${name}` : name, scoreName: this.scoreName, priority };
    const same = this.saved.findIndex((it) => it.filename === filename);
    let replaced: SavedCheckpoint | undefined;
    if (same >= 0) this.saved.splice(same, 1);
    else if (!this.underLimit()) replaced = this.saved.shift();
    this.saved.push({ priority, filename });
    this.saved.sort((a, b) => a.priority - b.priority);
    let payload = data;
    if (this.includeSelf) payload = { ...(name === 'checkpoint' ? (data as Record<string, unknown>) : { [name]: data }), checkpointer: this.stateDict() };
    // Write first, remove after: a crash in between leaves one more file, never one fewer.
    await this.saveHandler.save(payload, filename, metadata);
    if (replaced !== undefined && replaced.filename !== filename) await this.saveHandler.remove(replaced.filename);
  }

  /**
   * The kept checkpoints, for resuming the handler itself (ignite's `{ saved: [[priority, filename]] }`).
   *
   * @example
   * ```ts
   * const sd = checkpoint.stateDict(); // { saved: [[0.9, 'best_model_acc=0.9000.pt']] }
   * ```
   */
  stateDict(): { saved: [number, string][] } {
    return { saved: this.saved.map((it) => [it.priority, it.filename]) };
  }

  /**
   * Restores the kept-checkpoint list from `stateDict()`.
   *
   * @example
   * ```ts
   * checkpoint.loadStateDict(ckpt.checkpointer);
   * ```
   */
  loadStateDict(stateDict: { saved: [number, string][] }): void {
    if (!isPlainObject(stateDict) || !Array.isArray(stateDict.saved)) throw new ValueError(`${this.constructor.name}.loadStateDict: expected { saved: [[priority, filename], ...] }`);
    this.saved = stateDict.saved.map((item, i) => {
      if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[1] !== 'string') throw new ValueError(`${this.constructor.name}.loadStateDict: saved[${i}] should be [priority, filename]`);
      return { priority: item[0], filename: item[1] };
    });
  }

  /**
   * Loads a checkpoint through the save handler (by the same name parts it was saved with) into
   * `toLoad` (ignite's `reload_objects`).
   *
   * @example
   * ```ts
   * await checkpoint.reloadObjects({ model }, { globalStep: 40 });
   * ```
   */
  async reloadObjects(toLoad: Record<string, Checkpointable>, parts: { name?: string; score?: number; globalStep?: number } = {}, options: LoadObjectsOptions = {}): Promise<void> {
    if (typeof this.saveHandler.load !== 'function') throw new ValueError(`${this.constructor.name}.reloadObjects: the save handler cannot load (it has no load(filename) method)`);
    const keys = Object.keys(this.toSave);
    const name = parts.name ?? (keys.length === 1 ? keys[0] : 'checkpoint');
    const filename = this.globalStepPattern(parts.globalStep)
      .replaceAll('{filename_prefix}', this.filenamePrefix)
      .replaceAll('{ext}', this.ext)
      .replaceAll('{name}', name)
      .replaceAll('{score_name}', this.scoreName ?? 'None')
      .replaceAll('{score}', parts.score === undefined ? 'None' : parts.score.toFixed(4))
      .replaceAll('{global_step}', parts.globalStep === undefined ? 'None' : String(parts.globalStep));
    const data = await this.saveHandler.load(filename);
    await Checkpoint.loadObjects(toLoad, data as Record<string, unknown>, options);
  }

  /**
   * Restores every object of `toLoad` from a checkpoint: an object of state dicts (as `load`
   * returns), or a file path (read with `@dl/core/node`'s `load`). With a single object, the
   * checkpoint may be its state dict directly.
   *
   * @example
   * ```ts
   * await Checkpoint.loadObjects({ model, optimizer, trainer }, 'ckpt/checkpoint_3000.pt');
   * await trainer.run(trainLoader); // resumes at iteration 3000
   * ```
   */
  static async loadObjects(toLoad: Record<string, Checkpointable>, checkpoint: Record<string, unknown> | string | URL, options: LoadObjectsOptions = {}): Promise<void> {
    const op = 'Checkpoint.loadObjects';
    checkObjects(toLoad, 'loadStateDict', op);
    let ckpt: unknown = checkpoint;
    if (typeof checkpoint === 'string' || checkpoint instanceof URL) {
      ckpt = await loadCheckpointFile(checkpoint);
    }
    if (!isPlainObject(ckpt) && !(ckpt instanceof Map)) throw new ValueError(`${op}: checkpoint should be an object of state dicts or a file path, got ${ckpt === null ? 'null' : typeof ckpt}`);
    const c = ckpt instanceof Map ? Object.fromEntries(ckpt) : ckpt;
    const loadOne = (obj: Checkpointable, sd: unknown): void => {
      if (obj instanceof nn.Module) obj.loadStateDict(sd as nn.StateDict, { strict: options.strict ?? true });
      else (obj.loadStateDict as (s: unknown) => unknown)(sd);
    };
    const entries = Object.entries(toLoad);
    if (entries.length === 1 && !(entries[0][0] in c)) {
      loadOne(entries[0][1], c);
      return;
    }
    for (const [k] of entries) if (!(k in c)) throw new ValueError(`${op}: object '${k}' is not found in the checkpoint (keys: ${Object.keys(c).join(', ')})`);
    for (const [k, obj] of entries) loadOne(obj, c[k]);
  }
}
