import { DLError } from './dl-error';

/**
 * An argument has a value the function does not accept.
 *
 * @example
 * ```ts
 * try { dl.arange(0, 10, 0); } catch (e) { if (e instanceof ValueError) console.error(e.message); }
 * ```
 */
export class ValueError extends DLError {}
