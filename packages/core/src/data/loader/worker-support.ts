// Node side of the DataLoader's worker threads. Browser builds use worker-support.browser.ts.
import { ValueError } from '../../errors/value-error';
import type { LoaderPlan, PoolHolder } from './loader-plan';

/** @internal The worker-thread half of the DataLoader, loaded on first use. */
export interface WorkerModule {
  iterateWithWorkers(plan: LoaderPlan, holder: PoolHolder, drawBaseSeed: () => number): AsyncGenerator<unknown, void, undefined>;
  closePool(holder: PoolHolder): Promise<void>;
}

let workerModule: Promise<WorkerModule> | null = null;

/** @internal Loads the worker-thread code on first use, so programs without workers never pay for it. */
export function loadWorkerModule(): Promise<WorkerModule> {
  workerModule ??= import('../worker/iterate-with-workers').catch((e: unknown) => {
    workerModule = null;
    throw new ValueError(`DataLoader: numWorkers > 0 needs Node.js worker threads, which could not be loaded here: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  });
  return workerModule;
}
