/**
 * A tokenizer: a function from a string to its tokens (torchtext's tokenizer callables).
 *
 * @example
 * ```ts
 * const tokenize: Tokenizer = (s) => s.split(' ');
 * tokenize('a b'); // ['a', 'b']
 * ```
 */
export type Tokenizer = (text: string) => string[];
