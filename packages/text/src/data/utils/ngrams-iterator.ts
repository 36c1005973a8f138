/**
 * The tokens, then their n-grams up to `ngrams` joined by spaces (torchtext's `ngrams_iterator`).
 *
 * @example
 * ```ts
 * [...ngramsIterator(['here', 'we', 'are'], 2)]; // ['here', 'we', 'are', 'here we', 'we are']
 * ```
 */
export function* ngramsIterator(tokens: readonly string[], ngrams: number): Generator<string> {
  yield* tokens;
  for (let n = 2; n <= ngrams; n++) for (let i = 0; i + n <= tokens.length; i++) yield tokens.slice(i, i + n).join(' ');
}
