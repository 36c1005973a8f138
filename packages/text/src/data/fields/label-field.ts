import { Field, type FieldOptions } from './field';

/**
 * A classification label (torchtext's `LabelField`): a {@link Field} with `sequential: false`,
 * `unkToken: null` and `isTarget: true` whatever the options say, so its vocab holds the labels
 * only and a batch is an int tensor `[batch]`.
 *
 * @example
 * ```ts
 * const LABEL = new LabelField();
 * await LABEL.buildVocab(train);
 * LABEL.vocab!.itos; // e.g. ['ENTY', 'HUM', 'DESC', ...], most frequent first
 * ```
 */
export class LabelField extends Field {
  constructor(options: Omit<FieldOptions, 'sequential' | 'unkToken' | 'isTarget'> = {}) {
    super({ ...options, sequential: false, unkToken: null, isTarget: true });
  }
}
