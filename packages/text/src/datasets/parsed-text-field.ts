import { Field } from '../data/fields/field';

/**
 * Options of {@link ParsedTextField}.
 *
 * @example
 * ```ts
 * new ParsedTextField({ lower: true, reverse: true });
 * ```
 */
export interface ParsedTextFieldOptions {
  /** The token appended to every sentence. @default '<pad>' */
  eosToken?: string | null;
  /** Lowercase the words. @default false */
  lower?: boolean;
  /** Reverse every numericalized sentence of a batch (padding included), as classic torchtext did. @default false */
  reverse?: boolean;
}

/**
 * The words of a tokenized binary parse (classic torchtext's `ParsedTextField`): NLI datasets
 * ship their sentences parsed, already tokenized, so the words are the parse's tokens without
 * the brackets, with no costly tokenizer. It pads with an `eosToken` (`'<pad>'`) and returns
 * `[padded, lengths]` (`includeLengths`); `reverse` flips each numericalized sentence.
 *
 * @example
 * ```ts
 * const TEXT = new ParsedTextField({ lower: true });
 * TEXT.preprocess('( ( Two women ) ( are embracing ) )'); // ['two', 'women', 'are', 'embracing']
 * ```
 */
export class ParsedTextField extends Field {
  constructor(options: ParsedTextFieldOptions = {}) {
    super({
      eosToken: options.eosToken === undefined ? '<pad>' : options.eosToken,
      lower: options.lower ?? false,
      preprocessing: (parse: string[]) => parse.filter((t) => t !== '(' && t !== ')'),
      postprocessing: options.reverse ? (batch: unknown[][]) => batch.map((sentence) => [...sentence].reverse()) : null,
      includeLengths: true,
    });
  }
}
