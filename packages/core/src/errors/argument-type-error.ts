import { ValueError } from './value-error';

/**
 * An argument has the wrong type (PyTorch's `TypeError`): a string, an array, `null` or
 * `undefined` where an op expects a Tensor, a number or an integer. The message names the op,
 * the argument, what it accepts and what it got. It extends {@link ValueError}, so code that
 * catches ValueError for bad arguments catches it too.
 *
 * @example
 * ```ts
 * try { dl.ones([2]).add([1, 2] as never); } catch (e) { if (e instanceof ArgumentTypeError) console.error(e.message); }
 * // add: expected other to be a Tensor, a number or a boolean, got an array [1, 2] (wrap arrays with dl.tensor())
 * ```
 */
export class ArgumentTypeError extends ValueError {}
