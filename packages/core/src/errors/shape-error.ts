import { DLError } from './dl-error';

/**
 * A shape does not fit what an op needs (names the op and both shapes).
 *
 * @example
 * ```ts
 * try { dl.ones([2, 3]).add(dl.ones([4])); } catch (e) { if (e instanceof ShapeError) console.error(e.message); }
 * ```
 */
export class ShapeError extends DLError {}
