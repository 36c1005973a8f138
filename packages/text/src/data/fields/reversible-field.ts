import type { Tensor } from '@dl/core';
import { FieldError } from '../../errors/field-error';
import { charTokenizer } from '../tokenizers/char-tokenizer';
import { revtokDetokenize } from '../tokenizers/revtok';
import { Field, type FieldOptions } from './field';

/**
 * A field whose batches can be turned back into text (torchtext's `ReversibleField`): it
 * tokenizes with revtok by default (`unkToken` `' UNK '`), and {@link reverse} maps a batch
 * tensor to strings, cutting each at the first `eosToken`, dropping `initToken`/`padToken`, and
 * detokenizing with revtok (or joining characters, for `tokenize: charTokenizer`).
 *
 * @example
 * ```ts
 * const TEXT = new ReversibleField({ eosToken: '<eos>' });
 * await TEXT.buildVocab(train);
 * TEXT.reverse(TEXT.process([TEXT.preprocess('Hello, world!') as string[]]) as Tensor); // ['Hello, world!']
 * ```
 */
export class ReversibleField extends Field {
  /** Whether `reverse` detokenizes with revtok (else it joins characters). */
  readonly useRevtok: boolean;

  constructor(options: FieldOptions = {}) {
    const useRevtok = options.tokenize !== charTokenizer;
    super({ ...options, tokenize: options.tokenize ?? 'revtok', unkToken: options.unkToken === undefined ? ' UNK ' : options.unkToken });
    this.useRevtok = useRevtok;
  }

  /** The texts of a numericalized batch (`[seq, batch]`, or `[batch, seq]` with batchFirst). */
  reverse(batch: Tensor): string[] {
    const vocab = this.vocab;
    if (!vocab) throw new FieldError('ReversibleField.reverse: no vocab yet: call buildVocab() first');
    if (batch.shape.length !== 2) throw new FieldError(`ReversibleField.reverse: expected a 2-D batch tensor, got shape [${batch.shape.join(', ')}]`);
    const rows = (this.batchFirst ? batch : batch.t()).tolist() as number[][];
    return rows.map((ids) => {
      const words: string[] = [];
      for (const id of ids) {
        const w = vocab.itos[id];
        if (w === undefined) throw new FieldError(`ReversibleField.reverse: index ${id} is outside the vocab (${vocab.length} tokens)`);
        if (w === this.eosToken) break;
        if (w !== this.initToken && w !== this.padToken) words.push(w);
      }
      return this.useRevtok ? revtokDetokenize(words) : words.join('');
    });
  }
}
