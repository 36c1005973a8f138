import { DLError } from '../../errors/dl-error';

/** What a {@link WorkerError} knows about where the failure happened. */
export interface WorkerErrorDetails {
  /** The worker's id (0 .. numWorkers - 1). */
  workerId: number;
  /** The dataset index being loaded, or null when the failure is not tied to one item. */
  index?: number | null;
  /** The error's class name in the worker (`'RangeError'`, `'IndexError'`, ...). */
  originalName?: string;
  /** The error's stack in the worker. */
  originalStack?: string;
}

/**
 * An exception inside a DataLoader worker thread, re-raised in the main thread (PyTorch's
 * "Caught X in DataLoader worker process N"). The message names the worker, the index and holds
 * the worker's stack; `cause` is the original error rebuilt (same class name and message).
 *
 * @example
 * ```ts
 * try { for await (const batch of loader) train(batch); }
 * catch (e) { if (e instanceof dl.WorkerError) console.error(e.workerId, e.index, e.originalStack); }
 * ```
 */
export class WorkerError extends DLError {
  /** The worker's id. */
  readonly workerId: number;
  /** The dataset index being loaded, or null. */
  readonly index: number | null;
  /** The error's class name in the worker. */
  readonly originalName: string;
  /** The error's stack in the worker ('' when unknown). */
  readonly originalStack: string;

  constructor(message: string, details: WorkerErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.workerId = details.workerId;
    this.index = details.index ?? null;
    this.originalName = details.originalName ?? 'Error';
    this.originalStack = details.originalStack ?? '';
  }
}
