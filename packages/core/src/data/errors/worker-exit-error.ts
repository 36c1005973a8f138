import { WorkerError, type WorkerErrorDetails } from './worker-error';

/**
 * A DataLoader worker thread ended unexpectedly (it called `process.exit`, ran out of memory or
 * threw outside any item); the other workers are stopped (PyTorch's "DataLoader worker exited
 * unexpectedly").
 *
 * @example
 * ```ts
 * try { for await (const batch of loader) train(batch); }
 * catch (e) { if (e instanceof dl.WorkerExitError) console.error(`worker ${e.workerId} exited with code ${e.exitCode}`); }
 * ```
 */
export class WorkerExitError extends WorkerError {
  /** The thread's exit code, or null when it ended by an uncaught error. */
  readonly exitCode: number | null;

  constructor(message: string, details: WorkerErrorDetails & { exitCode: number | null }, options?: { cause?: unknown }) {
    super(message, details, options);
    this.exitCode = details.exitCode;
  }
}
