import { tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/dataset';
import { Example } from '../dataset/example';
import type { FieldList } from '../dataset/fields-spec';
import { Field } from '../fields/field';
import { LabelField } from '../fields/label-field';
import { RawField } from '../fields/raw-field';
import { Batch } from './batch';

describe('Batch', () => {
  it('processes each field, splits inputs from targets, and prints lengths as a tuple', async () => {
    const TEXT = new Field({ includeLengths: true });
    const LABEL = new LabelField();
    const ID = new RawField();
    const fields: FieldList = [
      ['Text', TEXT],
      ['Label', LABEL],
      ['id', ID],
      ['skip', null],
    ];
    const ds = new Dataset([Example.fromList(['a b c', 'X', 'q1', 'z'], fields), Example.fromList(['a', 'Y', 'q2', 'z'], fields)], fields);
    ds.name = 'trec';
    await TEXT.buildVocab(ds);
    await LABEL.buildVocab(ds);
    const b = new Batch(ds.examples, ds);
    expect([b.batchSize, b.length, b.inputFields, b.targetFields, b.fields]).toEqual([2, 2, ['Text', 'id'], ['Label'], ['Text', 'Label', 'id', 'skip']]);
    expect(b.id).toEqual(['q1', 'q2']);
    expect(String(b)).toBe(
      "\n[Batch of size 2 from TREC]\n\t[.Text]:('[int32 tensor of size 3x2]', '[int32 tensor of size 2]')\n\t[.Label]:[int32 tensor of size 2]\n\t[.id]:['q1', 'q2']",
    );
    const [x, y] = b;
    expect(y).toBe(b.Label);
    expect(x).toEqual([b.Text, b.id]);
    b.dispose();
    expect((b.Label as { isDisposed: boolean }).isDisposed).toBe(true);
  });

  it('holds values made elsewhere, and prints an empty batch as torchtext', () => {
    const F = new Field();
    const ds = new Dataset([], [['text', F]]);
    const b = Batch.fromVars(ds, 4, { text: tensor([[1, 2, 3, 4]], { dtype: 'int64' }) });
    expect(String(b)).toBe('\n[Batch of size 4]\n\t[.text]:[int32 tensor of size 1x4]');
    expect(String(new Batch())).toBe('Empty Batch instance');
  });
});
