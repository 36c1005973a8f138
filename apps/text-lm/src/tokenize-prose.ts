import { basicEnglishNormalize } from '@dl/text';

/**
 * The tokenizer of the embedded Moby-Dick chapters: torchtext's `basic_english` (lowercase,
 * `. , ( ) ! ?` split off, `"` `;` `:` dropped, `'` split off), after spacing out the em dashes
 * Melville joins words with (`ago—never`), which `basic_english` would leave inside one token.
 *
 * @example
 * ```ts
 * tokenizeProse('Some years ago—never mind how long precisely—having little'); // ['some', 'years', 'ago', '—', 'never', ...]
 * ```
 */
export function tokenizeProse(line: string): string[] {
  return basicEnglishNormalize(line.replace(/—/g, ' — '));
}
