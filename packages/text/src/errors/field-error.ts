import { DLError } from '@dl/core';

/**
 * A Field cannot do what it was asked: numericalizing before `buildVocab()`, data that does not
 * fit the field's options (a value that is not a number for `useVocab: false`, a batch without
 * lengths for `includeLengths`), or options that contradict each other. The message names the
 * field class, what it expected and what it got.
 *
 * @example
 * ```ts
 * const TEXT = new Field();
 * try { TEXT.numericalize([['a']]); }
 * catch (e) { if (e instanceof FieldError) console.error(e.message); } // Field.numericalize: no vocab yet ...
 * ```
 */
export class FieldError extends DLError {}
