import { DLError } from '@dl/core';

/**
 * An Example cannot be built from the data: a key the fields name is missing from a dict or JSON
 * object, the data has fewer values than the fields, or a tree string is not a well-formed
 * bracketed (PTB) tree. The message names the key, what was expected and what was found.
 *
 * @example
 * ```ts
 * try { Example.fromDict({ text: 'hi' }, { label: ['label', LABEL] }); }
 * catch (e) { if (e instanceof ExampleError) console.error(e.message); } // Example.fromDict: key 'label' not found ...
 * ```
 */
export class ExampleError extends DLError {}
