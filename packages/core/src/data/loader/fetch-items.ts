import { IndexError } from '../../errors/index-error';
import type { MapDataset } from '../dataset';
import { isThenable } from './is-thenable';

/** @internal A failure while loading one item, carrying its index. */
export class ItemLoadError extends Error {
  constructor(
    readonly index: number,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** @internal Checks a sampler's index against the dataset before `getItem` sees it. */
export function checkSamplerIndex(index: unknown, length: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    throw new IndexError(`DataLoader: the sampler produced ${typeof index === 'number' ? index : typeof index}, but dataset indices must be integers`);
  }
  if (index < 0 || index >= length) {
    throw new IndexError(`DataLoader: index ${index} is out of range for a dataset of length ${length} (valid indices are 0 to ${length - 1})`);
  }
  return index;
}

function load<T>(dataset: MapDataset<T>, index: number, length: number, wrap: boolean): T | PromiseLike<T> {
  if (!wrap) return dataset.getItem(checkSamplerIndex(index, length));
  try {
    const r = dataset.getItem(checkSamplerIndex(index, length));
    if (isThenable<T>(r)) {
      return Promise.resolve(r).catch((e: unknown) => {
        throw new ItemLoadError(index, e);
      });
    }
    return r;
  } catch (e) {
    throw new ItemLoadError(index, e);
  }
}

/**
 * @internal Loads the items at `indices` in order. Synchronous datasets stay synchronous (no
 * promise per item); as soon as `getItem` returns a promise, the rest run with at most `limit`
 * calls in flight. With `wrap`, failures are `ItemLoadError`s naming the index (workers).
 */
export function fetchItems<T>(dataset: MapDataset<T>, indices: readonly number[], limit: number, wrap = false): T[] | Promise<T[]> {
  const n = indices.length;
  const length = dataset.length;
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) {
    const r = load(dataset, indices[k], length, wrap);
    if (isThenable<T>(r)) return finishAsync(dataset, indices, out, k, r, limit, length, wrap);
    out[k] = r;
  }
  return out;
}

async function finishAsync<T>(dataset: MapDataset<T>, indices: readonly number[], out: T[], first: number, pending: PromiseLike<T>, limit: number, length: number, wrap: boolean): Promise<T[]> {
  let next = first + 1;
  let failed = false;
  const runner = async (start: number | null, promise: PromiseLike<T> | null): Promise<void> => {
    if (start !== null && promise !== null) out[start] = await promise;
    while (!failed && next < indices.length) {
      const k = next++;
      out[k] = await load(dataset, indices[k], length, wrap);
    }
  };
  const runners: Promise<void>[] = [runner(first, pending)];
  for (let r = 1; r < Math.min(limit, indices.length - first); r++) runners.push(runner(null, null));
  try {
    await Promise.all(runners);
  } catch (e) {
    failed = true;
    // Let the other calls settle so none rejects unobserved.
    await Promise.allSettled(runners);
    throw e;
  }
  return out;
}
