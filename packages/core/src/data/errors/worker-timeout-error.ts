import { WorkerError, type WorkerErrorDetails } from './worker-error';

/**
 * A DataLoader waited longer than its `timeout` for a batch; every worker is stopped (PyTorch's
 * "DataLoader timed out after N seconds").
 *
 * @example
 * ```ts
 * const loader = new dl.DataLoader(dataset, { numWorkers: 2, timeout: 5000 });
 * try { for await (const batch of loader) train(batch); } catch (e) { if (e instanceof dl.WorkerTimeoutError) console.error(e.message); }
 * ```
 */
export class WorkerTimeoutError extends WorkerError {
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, details: WorkerErrorDetails & { timeoutMs: number }, options?: { cause?: unknown }) {
    super(message, details, options);
    this.timeoutMs = details.timeoutMs;
  }
}
