import { DLError } from './dl-error';

/**
 * A TensorFlow.js backend could not be selected or is not ready yet.
 *
 * @example
 * ```ts
 * try { await dl.setBackend('no-such-backend'); } catch (e) { if (e instanceof BackendError) console.error(e.message); }
 * ```
 */
export class BackendError extends DLError {}
