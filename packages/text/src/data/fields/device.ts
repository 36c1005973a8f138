import { ValueError } from '@dl/core';

/**
 * Where batches go, as classic torchtext's `device` argument: `'cpu'`, `-1` (torchtext's old
 * spelling of the CPU), `null` or `undefined`. @dl computes on the process-wide TensorFlow.js
 * backend (`setBackend`), so these all mean "the current backend"; a GPU device is refused.
 *
 * @example
 * ```ts
 * const [trainIter] = BucketIterator.splits([train, val], { batchSizes: [32, 256], device: -1 });
 * ```
 */
export type Device = 'cpu' | -1 | null | undefined;

/** @internal Checks a `device` argument; returns nothing, throws ValueError for a GPU device. */
export function checkDevice(device: unknown, op: string): void {
  if (device === undefined || device === null || device === 'cpu' || device === -1) return;
  throw new ValueError(
    `${op}: device ${typeof device === 'string' ? `'${device}'` : String(device)} is not available: @dl computes on the TensorFlow.js backend chosen with setBackend(); use 'cpu', -1 or leave device out`,
  );
}
