import { DLError } from '@dl/core';

/**
 * A metric was asked for its value before it saw any data (ignite's `NotComputableError`).
 *
 * @example
 * ```ts
 * try { new Accuracy().compute(); } catch (e) { if (e instanceof NotComputableError) console.log(e.message); }
 * ```
 */
export class NotComputableError extends DLError {}
