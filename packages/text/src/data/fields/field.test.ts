import { Tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic, expectTensors } from '../../../test/support/classic';
import { readFixture } from '../../../test/support/fixtures';
import { FieldError } from '../../errors/field-error';
import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { Pipeline } from '../utils/pipeline';
import { Field, type FieldOptions } from './field';
import { LabelField } from './label-field';

/** torchtext's snake_case options in camelCase. */
function camel(options: Record<string, unknown>): FieldOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out as FieldOptions;
}

type Case = Record<string, any>;
/** Fixture cases named by their options. */
const byOptions = (list: Case[]): [string, Case][] => list.map((c) => [JSON.stringify(c.options), c]);

describe('Field.preprocess', () => {
  it.each(byOptions(classic.preprocess))('gives torchtext’s value with %s', (_, c) => {
    expect(new Field(camel(c.options)).preprocess(c.input)).toEqual(c.output);
  });

  it('runs preprocessing last, as a Pipeline or a function', () => {
    expect(new Field({ preprocessing: new Pipeline((w: string) => `${w}!`) }).preprocess('a b')).toEqual(['a!', 'b!']);
    expect(new Field({ preprocessing: (ws: string[]) => ws.reverse() }).preprocess('a b')).toEqual(['b', 'a']);
  });

  it('refuses to lowercase what is not text, and stop words that are not a list', () => {
    expect(() => new Field({ sequential: false, lower: true }).preprocess(3)).toThrow(FieldError);
    expect(() => new Field({ sequential: false, lower: true }).preprocess(3)).toThrow('Field.preprocess: lower needs strings, got number (3)');
    expect(() => new Field({ stopWords: 'the' as never })).toThrow('Field: stopWords must be an iterable of strings (an array or a Set), got a string');
    expect(() => new Field({ fixLength: -1 })).toThrow('Field: fixLength must be a non-negative integer or null, got -1');
    expect(() => new Field({ dtype: 'float64' as never })).toThrow("Field: dtype 'float64' is not supported");
  });
});

describe('Field.pad', () => {
  it.each(byOptions(classic.pad))('pads as torchtext with %s', (_, c) => {
    expect(new Field(camel(c.options)).pad(c.input)).toEqual(c.output);
  });

  it('refuses an empty batch and examples that are not token lists', () => {
    expect(() => new Field().pad([])).toThrow(FieldError);
    expect(() => new Field().pad([])).toThrow('Field.pad: the batch is empty (nothing to pad)');
    expect(() => new Field().pad(['abc'])).toThrow('Field.pad: a sequential field pads lists of tokens, got string (abc)');
  });
});

describe('Field.buildVocab and process', () => {
  const rows = [
    ['How do you measure earthquakes ?', 'DESC'],
    ['Who is Duke Ellington ?', 'HUM'],
    ['Who wrote Hamlet ?', 'HUM'],
    ['What is the capital of France ?', 'LOC'],
    ['How far is the moon ?', 'NUM'],
  ];

  it.each(byOptions(classic.process).map(([name, c]): [string, string, Case] => [name, JSON.stringify(c.vocab), c]))(
    'builds torchtext’s vocab and tensors with %s, vocab %s',
    async (_, __, c) => {
      const TEXT = new Field(camel(c.options));
      const LABEL = new LabelField();
      const fields: FieldList = [
        ['text', TEXT],
        ['label', LABEL],
      ];
      const ds = new Dataset(
        rows.map((r) => Example.fromList(r, fields)),
        fields,
      );
      await TEXT.buildVocab(ds, camel(c.vocab) as object);
      await LABEL.buildVocab(ds);
      expect(TEXT.vocab!.itos).toEqual(c.itos);
      expect(Object.fromEntries(TEXT.vocab!.freqs)).toEqual(c.freqs);
      expect(LABEL.vocab!.itos).toEqual(c.label_itos);
      expectTensors(TEXT.process(c.batch), c.text);
      expectTensors(LABEL.process(c.labels), c.label);
    },
  );

  it.each(byOptions(classic.no_vocab))('numericalizes numbers as torchtext with %s', (_, c) => {
    expectTensors(new Field(camel(c.options)).process(c.input), c.output);
  });

  const legacy = readFixture<{ corpus_tokens: string[][]; cases: { params: Record<string, number>; itos: string[] }[] }>('text_vocab_legacy.json');
  it.each(legacy.cases.map((c) => [JSON.stringify(c.params), c]))('orders the legacy vocab fixture as torchtext with %s', async (_, c) => {
    const F = new Field();
    await F.buildVocab(legacy.corpus_tokens, camel(c.params) as object);
    expect(F.vocab!.itos).toEqual(c.itos);
    expect(classic.field_vocab.find((v: { params: object }) => JSON.stringify(v.params) === JSON.stringify(c.params)).itos).toEqual(c.itos);
    expect(F.vocab!.stoi.get('never-seen')).toBe(0);
  });

  it('counts every column of a shared field, and plain iterables', async () => {
    const TEXT = new Field();
    const fields: FieldList = [
      ['q', TEXT],
      ['a', TEXT],
    ];
    const ds = new Dataset([Example.fromList(['x y', 'y z'], fields)], fields);
    await TEXT.buildVocab(ds, [['w', 'w', 'w']], { specials: ['<mask>'] });
    expect(TEXT.vocab!.itos).toEqual(['<unk>', '<pad>', '<mask>', 'w', 'y', 'x', 'z']);
  });

  it('runs postprocessing on the ids with the vocab', async () => {
    const TEXT = new Field({ postprocessing: (batch: number[][], vocab: unknown) => batch.map((ex) => ex.map((i) => (vocab ? i * 10 : i))) });
    await TEXT.buildVocab([['a', 'b']]);
    expect((TEXT.process([['a', 'b']]) as Tensor).tolist()).toEqual([[20], [30]]);
  });

  it('makes float tensors with a float dtype', async () => {
    const F = new Field({ dtype: 'float32' });
    await F.buildVocab([['a']]);
    const t = F.process([['a', 'a']]) as Tensor;
    expect(t.dtype).toBe('float32');
    expect(t.tolist()).toEqual([[2], [2]]);
  });
});

describe('Field errors', () => {
  it('refuses to numericalize before buildVocab', () => {
    expect(() => new Field().numericalize([['a']])).toThrow(FieldError);
    expect(() => new Field().numericalize([['a']])).toThrow('Field.numericalize: no vocab yet: call (and await) buildVocab() on the training data before numericalizing');
  });

  it('names a token the vocab cannot map when there is no <unk>', async () => {
    const LABEL = new LabelField();
    await LABEL.buildVocab([['HUM', 'LOC']]);
    await LABEL.buildVocab(['HUM', 'LOC']);
    expect(() => LABEL.process(['ABBR'])).toThrow(FieldError);
    expect(() => LABEL.process(['ABBR'])).toThrow('LabelField.numericalize: "ABBR" is not in the vocab (2 tokens) and the vocab has no \'<unk>\' to map it to');
  });

  it('asks for [padded, lengths] with includeLengths', async () => {
    const F = new Field({ includeLengths: true });
    await F.buildVocab([['a']]);
    expect(() => F.numericalize([['a']])).toThrow('Field.numericalize: the field has includeLengths set, so it expects [padded, lengths] (what pad() returns), got a batch without lengths');
    expect(() => new Field({ includeLengths: true, sequential: false, useVocab: false }).process(['1'])).toThrow('got a non-sequential batch, which has no lengths');
  });

  it('refuses non-numeric data without a vocab, and unpadded batches', () => {
    expect(() => new Field({ sequential: false, useVocab: false }).process(['1.5'])).toThrow('Field.numericalize: "1.5" is not an integer (useVocab: false needs numeric data, dtype int32)');
    expect(() => new Field({ sequential: false, useVocab: false, dtype: 'float32' }).process(['abc'])).toThrow('"abc" is not a number');
    expect(() => new Field({ useVocab: false }).numericalize([[1, 2], [3]])).toThrow('Field.numericalize: the batch is not padded to one length (pad() first)');
    expect(() => new Field({ useVocab: false }).process([['a', 'b']])).toThrow('Field.numericalize: expected numbers to make a int32 tensor, got string ("a")');
  });

  it('refuses datasets of the wrong kind and GPU devices', async () => {
    await expect(new Field().buildVocab(42 as never)).rejects.toThrow('Field.buildVocab: expected datasets or iterables of values, got number');
    await expect(new Field().buildVocab([3] as never)).rejects.toThrow('Field.buildVocab: a sequential field counts lists of tokens, got number');
    const F = new Field({ useVocab: false });
    expect(() => F.process([[1]], 'cuda' as never)).toThrow(ValueError);
    expect(() => F.process([[1]], 'cuda' as never)).toThrow("Field.numericalize: device 'cuda' is not available");
    expect((F.process([[1]], -1) as Tensor).shape).toEqual([1, 1]);
  });
});
