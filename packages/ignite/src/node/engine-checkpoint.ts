import { ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import type { Checkpointable } from '../handlers/checkpoint';
import { ModelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint';

/**
 * The seed chapter's `EngineCheckpoint(dirname, to_save, save_interval)`: every `saveInterval`
 * iterations, saves `toSave` plus the engine's own state (under `trainer`, for resuming) to
 * `checkpoint_{iteration}.pt`. A thin layer over {@link ModelCheckpoint}.
 *
 * @example
 * ```ts
 * const engineCheckpoint = new EngineCheckpoint('ckpt', { model, optimizer }, 100);
 * trainer.on(Events.ITERATION_COMPLETED, engineCheckpoint);
 * ```
 */
export class EngineCheckpoint extends ModelCheckpoint {
  /** Iterations between saves. */
  readonly saveInterval: number;
  private readonly objects: Record<string, Checkpointable>;

  constructor(dirname: string, toSave: Record<string, Checkpointable>, saveInterval: number, options: ModelCheckpointOptions = {}) {
    super(dirname, { requireEmpty: false, ...options });
    if (!(Number.isInteger(saveInterval) && saveInterval > 0)) throw new ValueError(`EngineCheckpoint: saveInterval should be a positive integer, got ${String(saveInterval)}`);
    if (toSave === null || typeof toSave !== 'object') throw new ValueError('EngineCheckpoint: toSave should be an object of named objects');
    this.saveInterval = saveInterval;
    this.objects = toSave;
  }

  /** Saves when the iteration is a multiple of `saveInterval`. */
  override async call(engine: Engine): Promise<void> {
    if (engine.state.iteration % this.saveInterval !== 0) return;
    await super.call(engine, 'trainer' in this.objects ? this.objects : { ...this.objects, trainer: engine });
  }
}
