import { DLError } from './dl-error';

/**
 * Misuse of autograd: a second backward without `retainGraph`, backward on a non-scalar without a gradient, a gradient requested for an integer tensor, an in-place change to a tensor saved for backward.
 *
 * @example
 * ```ts
 * try { y.backward(); y.backward(); } catch (e) { if (e instanceof AutogradError) console.error(e.message); }
 * ```
 */
export class AutogradError extends DLError {}
