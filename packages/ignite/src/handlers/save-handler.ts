/** What a {@link Checkpoint} tells its save handler about a checkpoint besides the file name. */
export interface CheckpointMetadata {
  /** `{filenamePrefix}_{name}` (or `{name}`): the file name without step and score. */
  basename: string;
  /** The score's name, if scored. */
  scoreName: string | undefined;
  /** The score, or the global step when unscored. */
  priority: number;
}

/**
 * Where a {@link Checkpoint} writes (ignite's `BaseSaveHandler`): `save` stores a checkpoint
 * under a file name, `remove` deletes an older one, `load` (optional) reads one back. `DiskSaver`
 * from `@dl/ignite/node` writes files; any object with these methods works (memory, a database,
 * a bucket).
 *
 * @example
 * ```ts
 * const stored = new Map<string, unknown>();
 * const memory: SaveHandler = {
 *   save: (checkpoint, filename) => void stored.set(filename, checkpoint),
 *   remove: (filename) => void stored.delete(filename),
 *   load: (filename) => stored.get(filename),
 * };
 * ```
 */
export interface SaveHandler {
  /** Stores `checkpoint` under `filename`. */
  save(checkpoint: unknown, filename: string, metadata?: CheckpointMetadata): void | Promise<void>;
  /** Deletes what was stored under `filename`. */
  remove(filename: string): void | Promise<void>;
  /** Reads back what was stored under `filename` (for `reloadObjects`). */
  load?(filename: string): unknown;
  /** The file extension this handler writes, without the dot. @default 'pt' */
  readonly ext?: string;
  /** Where files are written, for `lastCheckpoint` paths. */
  readonly dirname?: string;
}
