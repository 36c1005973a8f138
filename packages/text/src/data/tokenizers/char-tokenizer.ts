import type { Tokenizer } from './tokenizer';

/**
 * Splits text into characters (code points): Python's `list` as torchtext code passes it, e.g.
 * `Field(tokenize=list)` for the characters of a NestedField or a ReversibleField.
 *
 * @example
 * ```ts
 * charTokenizer('héllo'); // ['h', 'é', 'l', 'l', 'o']
 * ```
 */
export const charTokenizer: Tokenizer = (text: string) => Array.from(text);
