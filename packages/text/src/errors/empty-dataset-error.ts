import { DLError } from '@dl/core';

/**
 * An operation needs examples and the dataset has none: splitting it, iterating it in batches,
 * or a BPTT stream with no tokens. The message names the operation.
 *
 * @example
 * ```ts
 * try { new Iterator(new Dataset([], fields), { batchSize: 32 }); }
 * catch (e) { if (e instanceof EmptyDatasetError) console.error(e.message); }
 * ```
 */
export class EmptyDatasetError extends DLError {}
