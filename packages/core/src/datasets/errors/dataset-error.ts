import { DLError } from '../../errors/dl-error';

/**
 * A dataset cannot serve items: its files are missing (and `download` was not asked for), or
 * they do not hold what the dataset expects.
 *
 * @example
 * ```ts
 * try { await new Iris('/data').prepare(); }
 * catch (e) { if (e instanceof DatasetError) console.error(e.message); } // ... pass download: true
 * ```
 */
export class DatasetError extends DLError {}
