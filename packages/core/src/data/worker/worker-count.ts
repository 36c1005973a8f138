import { liveWorkerCount } from './worker-pool';

/**
 * How many DataLoader worker threads are running in this process: 0 once every loop has ended
 * (persistent workers stay until `loader.close()`). Handy to check a program leaks no threads.
 *
 * @example
 * ```ts
 * for await (const batch of loader) break;
 * dl.dataLoaderWorkerCount(); // 0: breaking out stopped the workers
 * ```
 */
export function dataLoaderWorkerCount(): number {
  return liveWorkerCount();
}
