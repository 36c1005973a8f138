import { Field } from '../data/fields/field';
import { Vocab } from '../vocab/vocab';

/**
 * The shift-reduce transitions of a binary parse (classic torchtext's `ShiftReduceField`, for
 * SPINN-style models on {@link SNLI} and {@link MultiNLI}): a tokenized binary parse
 * `( ( A dog ) barks )` becomes one `'shift'` per word and one `'reduce'` per `)`. Its vocab is
 * built at once: `['<unk>', '<pad>', 'reduce', 'shift']`.
 *
 * @example
 * ```ts
 * const transitions = new ShiftReduceField();
 * transitions.preprocess('( ( A dog ) barks )'); // ['shift', 'shift', 'reduce', 'shift', 'reduce']
 * transitions.vocab!.itos; // ['<unk>', '<pad>', 'reduce', 'shift']
 * ```
 */
export class ShiftReduceField extends Field {
  constructor() {
    super({ preprocessing: (parse: string[]) => parse.filter((t) => t !== '(').map((t) => (t === ')' ? 'reduce' : 'shift')) });
    this.vocab = new Vocab(
      new Map([
        ['reduce', 1],
        ['shift', 1],
      ]),
      { specials: [this.unkToken, this.padToken].filter((t): t is string => t !== null) },
    );
  }
}
