import { ValueError } from '@dl/core';
import type { Engine } from '../engine/engine';
import { Checkpoint, type CheckpointOptions, type Checkpointable } from '../handlers/checkpoint';
import { DiskSaver, type DiskSaverOptions } from './disk-saver';

/** Options of {@link ModelCheckpoint}: {@link Checkpoint}'s and {@link DiskSaver}'s. */
export interface ModelCheckpointOptions extends CheckpointOptions, DiskSaverOptions {}

/**
 * Saves objects to files in `dirname` when an event fires (ignite's `ModelCheckpoint`): the
 * objects are given at registration, `engine.on(event, handler, { model, optimizer })`. Keeps
 * the `nSaved` newest (or best-scored) files, named as ignite names them.
 *
 * @example
 * ```ts
 * const best = new ModelCheckpoint('runs/best', { filenamePrefix: 'best', nSaved: 2, scoreName: 'accuracy', requireEmpty: false });
 * evaluator.on(Events.COMPLETED, best, { model });
 * // files: best_model_accuracy=0.9700.pt, best_model_accuracy=0.9800.pt
 * ```
 */
export class ModelCheckpoint extends Checkpoint {
  constructor(dirname: string, options: ModelCheckpointOptions = {}) {
    const { atomic, createDir, requireEmpty, format, ...rest } = options;
    super({}, new DiskSaver(dirname, { atomic, createDir, requireEmpty, format }), rest);
  }

  /** Saves `toSave` (the objects given at registration) if it ranks among those kept. */
  override async call(engine: Engine, toSave?: unknown): Promise<void> {
    if (toSave === undefined || toSave === null || typeof toSave !== 'object' || Object.keys(toSave).length === 0) {
      throw new ValueError('ModelCheckpoint: no objects to checkpoint; register it as engine.on(event, handler, { model, ... })');
    }
    for (const [k, v] of Object.entries(toSave)) {
      if (v === null || typeof v !== 'object' || typeof (v as { stateDict?: unknown }).stateDict !== 'function') {
        throw new ValueError(`ModelCheckpoint: object '${k}' should have a stateDict() method`);
      }
    }
    this.toSave = toSave as Record<string, Checkpointable>;
    await super.call(engine);
  }
}
