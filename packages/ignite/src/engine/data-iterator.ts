import { ValueError } from '@dl/core';

/** @internal The data's iterator: `sync` for iterables (read without awaiting), else `async`. */
export interface DataIterator {
  sync: Iterator<unknown> | null;
  async: AsyncIterator<unknown> | null;
  close(): void;
}

/**
 * What `Engine.run` iterates: a DataLoader, an array, any iterable or async iterable. Sync
 * iterables are preferred only when there is no async iterator, because a DataLoader's async
 * iterator is the one that works with worker threads and async datasets.
 */
export type EngineData<B> = Iterable<B> | AsyncIterable<B>;

/** @internal Whether `data` can be iterated by the engine. */
export function isEngineData(data: unknown): data is EngineData<unknown> {
  return data !== null && typeof data === 'object' && (Symbol.asyncIterator in data || Symbol.iterator in data);
}

/** @internal A fresh iterator over `data`. */
export function openIterator(data: unknown): DataIterator {
  const d = data as Partial<Iterable<unknown> & AsyncIterable<unknown>>;
  if (typeof d[Symbol.asyncIterator] === 'function') {
    const it = d[Symbol.asyncIterator]!();
    return { sync: null, async: it, close: () => void it.return?.()?.catch(() => undefined) };
  }
  if (typeof d[Symbol.iterator] === 'function') {
    const it = d[Symbol.iterator]!();
    return { sync: it, async: null, close: () => void it.return?.() };
  }
  throw new ValueError(`Engine.run: data should be an iterable or async iterable (a DataLoader, an array, ...), got ${describe(data)}`);
}

/** @internal An iterator of `size` undefined batches, for `run(undefined, { epochLength })`. */
export function noneIterator(size: number): DataIterator {
  let i = 0;
  const it: Iterator<unknown> = { next: () => (i++ < size ? { done: false, value: undefined } : { done: true, value: undefined }) };
  return { sync: it, async: null, close: () => undefined };
}

/** @internal The number of batches in `data`, when it says (`length`), else undefined. */
export function dataLength(data: unknown): number | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  try {
    const n = (data as { length?: unknown }).length;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    // A DataLoader over an IterableDataset without a length throws: the epoch then ends when the data does.
    return undefined;
  }
}

/** @internal A short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return value.constructor?.name ? `a ${value.constructor.name}` : 'an object';
  return `${typeof value} ${String(value)}`;
}
