/**
 * The tokens followed by their bigrams (`['how', 'many', 'legs']` gives also `'how many'` and
 * `'many legs'`), as the fastText paper adds n-gram features so a bag of words still sees a
 * little word order. Used as the text Field's `preprocessing`, so the vocabulary counts them.
 *
 * @example
 * ```ts
 * addBigrams(['how', 'many', 'legs']); // ['how', 'many', 'legs', 'how many', 'many legs']
 * ```
 */
export function addBigrams(tokens: readonly string[]): string[] {
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
