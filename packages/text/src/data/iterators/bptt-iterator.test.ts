import type { Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic, expectTensors } from '../../../test/support/classic';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { FieldError } from '../../errors/field-error';
import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { Field } from '../fields/field';
import { BPTTIterator } from './bptt-iterator';

async function stream(field: Field, tokens: string[]): Promise<Dataset> {
  const fields: FieldList = [['text', field]];
  const ds = new Dataset([Example.fromList([tokens], fields)], fields);
  await field.buildVocab(ds);
  return ds;
}

describe('BPTTIterator', () => {
  it('gives torchtext’s text and one-step-shifted target batches', async () => {
    const LM = new Field({ eosToken: '<eos>' });
    const ds = await stream(LM, classic.bptt.stream);
    expect(LM.vocab!.itos).toEqual(classic.bptt.itos);
    const it = new BPTTIterator(ds, { batchSize: 3, bpttLen: 4 });
    expect(it.length).toBe(classic.bptt.length);
    const batches = [...it];
    expect(batches.length).toBe(classic.bptt.batches.length);
    batches.forEach((b, i) => {
      expectTensors(b.text, classic.bptt.batches[i].text);
      expectTensors(b.target, classic.bptt.batches[i].target);
      expect(b.batchSize).toBe(3);
    });
    expect(LM.eosToken).toBe(classic.bptt.eos_after);
    expect(String(batches[0])).toBe('\n[Batch of size 3]\n\t[.text]:[int32 tensor of size 4x3]\n\t[.target]:[int32 tensor of size 4x3]');
  });

  it('gives batch-first batches for a batchFirst field, as torchtext', async () => {
    const LM = new Field({ batchFirst: true });
    const ds = await stream(LM, classic.bptt.stream);
    const batches = [...new BPTTIterator(ds, { batchSize: 2, bpttLen: 5 })];
    expect(batches.length).toBe(classic.bptt_batch_first.length);
    batches.forEach((b, i) => {
      expectTensors(b.text, classic.bptt_batch_first[i].text);
      expectTensors(b.target, classic.bptt_batch_first[i].target);
    });
  });

  it('repeats, counting iterations', async () => {
    const ds = await stream(new Field(), classic.bptt.stream);
    const it = new BPTTIterator(ds, { batchSize: 3, bpttLen: 4, repeat: true });
    let n = 0;
    for (const b of it) {
      (b.text as Tensor).dispose();
      if (++n === 5) break;
    }
    expect(it.iterations).toBe(5);
  });

  it('refuses a bad bpttLen, an empty stream and a dataset without a text field', async () => {
    const ds = await stream(new Field(), ['a', 'b']);
    expect(() => new BPTTIterator(ds, { batchSize: 1, bpttLen: 0 })).toThrow('BPTTIterator: bpttLen must be a positive integer, got 0');
    const empty = await stream(new Field(), []);
    expect(() => [...new BPTTIterator(empty, { batchSize: 1, bpttLen: 2 })]).toThrow(EmptyDatasetError);
    expect(() => [...new BPTTIterator(empty, { batchSize: 1, bpttLen: 2 })]).toThrow('BPTTIterator: the token stream is empty');
    const F = new Field();
    const other = new Dataset([Example.fromList([['a']], [['words', F]])], [['words', F]]);
    expect(() => [...new BPTTIterator(other, { batchSize: 1, bpttLen: 2 })]).toThrow(FieldError);
    expect(() => [...new BPTTIterator(other, { batchSize: 1, bpttLen: 2 })]).toThrow("BPTTIterator: the dataset needs a Field named 'text'");
  });
});
