import type { RawField } from '../fields/raw-field';

/** A column's name and its field; a `null` field skips the column (torchtext's `(name, None)`). */
export type FieldPair = readonly [name: string, field: RawField | null];

/** One column read into several fields (torchtext's `(('word', 'char'), (WORD, CHAR))`). */
export type MultiFieldPair = readonly [names: readonly string[], fields: readonly (RawField | null)[]];

/**
 * The fields of list-like data (CSV/TSV rows, `Example.fromList`), in column order.
 *
 * @example
 * ```ts
 * const fields: FieldList = [['Text', TEXT], ['Label', LABEL]];
 * ```
 */
export type FieldList = readonly (FieldPair | MultiFieldPair)[];

/**
 * The fields of dict-like data (JSON lines, `Example.fromDict`, CSV/TSV by header): each key of
 * the data (JSON keys may be dotted paths, `'a.b'`) to a `[name, field]` pair, a list of pairs
 * (one key into several fields), or `null` to skip it.
 *
 * @example
 * ```ts
 * const fields: FieldDict = { question: ['q', TEXT], answer: [['a_word', WORD], ['a_char', CHAR]], id: null };
 * ```
 */
export type FieldDict = Readonly<Record<string, FieldPair | readonly FieldPair[] | null>>;

/** @internal The [name, field] pairs a FieldDict entry holds. */
export function dictEntryPairs(entry: FieldPair | readonly FieldPair[] | null): readonly FieldPair[] {
  if (entry === null || entry.length === 0) return [];
  return Array.isArray(entry[0]) ? (entry as readonly FieldPair[]) : [entry as FieldPair];
}
