import { type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic, expectTensors } from '../../../test/support/classic';
import { FieldError } from '../../errors/field-error';
import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { charTokenizer } from '../tokenizers/char-tokenizer';
import { Field } from './field';
import { NestedField } from './nested-field';

const c = classic.nested;
const chars = () => new Field({ padToken: '<c>', initToken: '<w>', eosToken: '</w>', tokenize: charTokenizer });

describe('NestedField', () => {
  it('preprocesses words, then each word with the nesting field', () => {
    expect(new NestedField(chars()).preprocess('john loves mary')).toEqual(c.preprocess);
  });

  it("pads words and characters as torchtext's doctest", () => {
    const WORDS = new NestedField(chars(), { initToken: '<s>', eosToken: '</s>', includeLengths: true });
    expect(WORDS.pad(c.pad_input)).toEqual([c.padded, c.sentence_lengths, c.word_lengths]);
    const plain = new NestedField(chars(), { initToken: '<s>', eosToken: '</s>' });
    expect(plain.pad(c.pad_input)).toEqual(c.padded);
  });

  it('pads to fixed lengths, padding first, as torchtext', () => {
    const WORDS = new NestedField(new Field({ tokenize: charTokenizer, fixLength: 3 }), { fixLength: 2, padFirst: true });
    expect(WORDS.pad(c.pad2_input)).toEqual(c.pad2);
  });

  it('builds one shared vocab from the characters and numericalizes [batch, words, chars]', async () => {
    const WORDS = new NestedField(chars(), { initToken: '<s>', eosToken: '</s>', includeLengths: true });
    const fields: FieldList = [['words', WORDS]];
    const ds = new Dataset(
      ['john loves mary', 'mary cries', 'John cries'].map((s) => Example.fromList([s], fields)),
      fields,
    );
    expect(ds.examples.map((e) => e.words)).toEqual(c.examples);
    await WORDS.buildVocab(ds);
    expect(WORDS.vocab!.itos).toEqual(c.itos);
    expect(Object.fromEntries(WORDS.vocab!.freqs)).toEqual(c.freqs);
    expect(WORDS.nestingField.vocab).toBe(WORDS.vocab);
    const out = WORDS.process(ds.examples.map((e) => e.words));
    expectTensors(out, c.process);
    (out as Tensor[]).forEach((t) => t.dispose());
  });

  it('refuses nested nesting and nesting fields with lengths', () => {
    expect(() => new NestedField(new NestedField(new Field()))).toThrow(FieldError);
    expect(() => new NestedField(new NestedField(new Field()))).toThrow('NestedField: the nesting field must not be another NestedField');
    expect(() => new NestedField(new Field({ includeLengths: true }))).toThrow('NestedField: the nesting field cannot have includeLengths (set it on the NestedField)');
    expect(() => new NestedField(chars()).pad([[], []])).toThrow('NestedField.pad: the batch has no words (every example is empty)');
  });
});
