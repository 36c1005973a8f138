// Module exports used as collateFn in tests (a collateFn must be a module export to run in workers).
import { getWorkerInfo } from '../../src/data/worker/worker-info';

/** Sums numeric items and adds `offset`; tags the result with the worker id (-1 in the main thread). */
export function sumCollate(items: number[], offset = 0): { sum: number; worker: number } {
  return { sum: items.reduce((a, b) => a + b, 0) + offset, worker: getWorkerInfo()?.id ?? -1 };
}

/** A transform: multiplies by `factor`. */
export function scale(x: number, factor: number): number {
  return x * factor;
}
