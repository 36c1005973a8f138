// Browser side of the DataLoader's worker threads: there are none (worker_threads is Node's).
import { ValueError } from '../../errors/value-error';
import type { WorkerModule } from './worker-support';

/** @internal Browsers have no worker threads for the DataLoader: `numWorkers` must be 0. */
export function loadWorkerModule(): Promise<WorkerModule> {
  return Promise.reject(new ValueError('DataLoader: numWorkers > 0 needs Node.js worker threads, which browsers do not have; use numWorkers: 0'));
}
