import { DLError } from './dl-error';

/**
 * A tensor's dtype is not one the op accepts (names the op and the dtypes).
 *
 * @example
 * ```ts
 * try { dl.tensor([1, 2], { dtype: 'int32' }).requiresGrad_(); } catch (e) { if (e instanceof DTypeError) console.error(e.message); }
 * ```
 */
export class DTypeError extends DLError {}
