import type { Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { FieldError } from '../../errors/field-error';
import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { charTokenizer } from '../tokenizers/char-tokenizer';
import { ReversibleField } from './reversible-field';

describe('ReversibleField', () => {
  it('tokenizes with revtok and reverses batches to the text, as torchtext', async () => {
    const RF = new ReversibleField({ eosToken: '<eos>', initToken: '<sos>' });
    const fields: FieldList = [['text', RF]];
    const ds = new Dataset(
      classic.reversible.sentences.map((s: string) => Example.fromList([s], fields)),
      fields,
    );
    await RF.buildVocab(ds);
    expect(RF.vocab!.itos).toEqual(classic.reversible.itos);
    expect(RF.reverse(RF.process(ds.examples.map((e) => e.text)) as Tensor)).toEqual(classic.reversible.reverse);
  });

  it('joins characters with a character tokenizer, and batch-first tensors', async () => {
    const RF = new ReversibleField({ tokenize: charTokenizer, batchFirst: true });
    await RF.buildVocab([['a', 'b', 'c']]);
    expect(RF.reverse(RF.process([['c', 'a', 'b'], ['b']]) as Tensor)).toEqual(['cab', 'b']);
  });

  it('needs a vocab and a 2-D batch', async () => {
    const RF = new ReversibleField();
    expect(() => RF.reverse(null as never)).toThrow(FieldError);
    expect(() => RF.reverse(null as never)).toThrow('ReversibleField.reverse: no vocab yet: call buildVocab() first');
    await RF.buildVocab([['a']]);
    const t = RF.process([['a']]) as Tensor;
    expect(() => RF.reverse(t.reshape([1]))).toThrow('ReversibleField.reverse: expected a 2-D batch tensor, got shape [1]');
  });
});
