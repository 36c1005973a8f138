import { DLError } from './dl-error';

/**
 * An index is outside the size of the dimension it indexes (names the index and the size).
 *
 * @example
 * ```ts
 * try { dl.ones([3]).select(0, 5); } catch (e) { if (e instanceof IndexError) console.error(e.message); }
 * ```
 */
export class IndexError extends DLError {}
