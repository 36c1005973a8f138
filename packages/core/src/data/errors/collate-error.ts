import { DLError } from '../../errors/dl-error';

/**
 * A batch the collate function cannot combine (names the types, the batch positions and where in
 * the item the problem is), PyTorch's `TypeError`/`RuntimeError` from `default_collate`.
 *
 * @example
 * ```ts
 * try { dl.defaultCollate([{ x: 1 }, { x: 'a' }]); } catch (e) { if (e instanceof dl.CollateError) console.error(e.message); }
 * ```
 */
export class CollateError extends DLError {}
