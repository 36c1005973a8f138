import { DataLoader, manualSeed, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { ExampleError } from '../../errors/example-error';
import { Field } from '../fields/field';
import { RawField } from '../fields/raw-field';
import { Dataset } from './dataset';
import { Example } from './example';
import type { FieldList } from './fields-spec';

function numbered(n = 17): Dataset {
  const LABEL = new Field({ sequential: false });
  const fields: FieldList = [
    ['x', new RawField()],
    ['label', LABEL],
  ];
  return new Dataset(
    Array.from({ length: n }, (_, i) => Example.fromList([String(i), i % 3 === 0 ? 'b' : 'a'], fields)),
    fields,
  );
}

describe('Dataset', () => {
  it('is a map-style dataset: length, getItem (negative from the end), iteration', () => {
    const ds = numbered(5);
    expect(ds.length).toBe(5);
    expect(ds.getItem(1).x).toBe('1');
    expect(ds.getItem(-1).x).toBe('4');
    expect([...ds].map((e) => e.x)).toEqual(['0', '1', '2', '3', '4']);
    expect([...ds.column('label')]).toEqual(['b', 'a', 'a', 'b', 'a']);
    expect(() => ds.getItem(5)).toThrow('Dataset.getItem: index 5 is out of range for 5 examples');
    expect(() => [...ds.column('nope')]).toThrow(ExampleError);
    expect(() => [...ds.column('nope')]).toThrow("Dataset.column: no field 'nope' (fields: x, label)");
  });

  it("works with @dl/core's DataLoader", async () => {
    const ds = numbered(5);
    const loader = new DataLoader(ds, { batchSize: 2, collateFn: (exs: Example[]) => exs.map((e) => e.x) });
    const seen: unknown[] = [];
    for await (const b of loader) seen.push(b);
    expect(seen).toEqual([['0', '1'], ['2', '3'], ['4']]);
  });

  it('keeps examples that pass filterPred and unpacks multi-field columns', () => {
    const A = new RawField();
    const B = new RawField();
    const ds = new Dataset([Example.fromList(['a', 'b'], [['p', A], ['q', B]]), Example.fromList(['c', 'd'], [['p', A], ['q', B]])], [[['p', 'q'], [A, B]]], {
      filterPred: (e) => e.p !== 'c',
    });
    expect(ds.length).toBe(1);
    expect(ds.fields).toEqual({ p: A, q: B });
  });

  it.each(Object.entries(classic.split_sizes as Record<string, number[]>))('splits %s into the sizes torchtext gives', (key, sizes) => {
    const ratio = JSON.parse(key.replace(/s$/, '')) as number | number[];
    const parts = numbered().split(ratio, { stratified: key.endsWith('s'), randomState: 0 });
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(new Set(parts.flatMap((p) => p.examples.map((e) => e.x))).size).toBe(17);
  });

  it('stratifies by a field, keeping the label proportions', () => {
    const [train, test] = numbered().split(0.5, { stratified: true, strataField: 'label', randomState: 3 });
    const bs = (d: Dataset) => d.examples.filter((e) => e.label === 'b').length;
    expect([bs(train!), bs(test!)]).toEqual([3, 3]);
  });

  it('repeats a split for the same random state, seed or manualSeed, and keeps sortKey', () => {
    const ds = numbered();
    ds.sortKey = (e) => Number(e.x);
    const ids = (seed: number) => ds.split(0.7, { randomState: seed })[0]!.examples.map((e) => e.x);
    expect(ids(5)).toEqual(ids(5));
    expect(ids(5)).not.toEqual(ids(6));
    manualSeed(1);
    const a = ds.split(0.7)[0]!.examples.map((e) => e.x);
    manualSeed(1);
    expect(ds.split(0.7)[0]!.examples.map((e) => e.x)).toEqual(a);
    expect(ds.split()[0]!.sortKey).toBe(ds.sortKey);
  });

  it('refuses bad ratios, a bad strata field and an empty dataset', () => {
    const ds = numbered();
    expect(() => ds.split(1.5)).toThrow(ValueError);
    expect(() => ds.split(1.5)).toThrow('Dataset.split: splitRatio 1.5 is not between 0 and 1');
    expect(() => ds.split([1, 2, 3, 4])).toThrow('Dataset.split: splitRatio should have 2 or 3 entries (train, test[, validation]), got [1, 2, 3, 4]');
    expect(() => ds.split([1, -1])).toThrow('Dataset.split: splitRatio entries must be non-negative numbers, got [1, -1]');
    expect(() => ds.split(0.5, { stratified: true, strataField: 'y' })).toThrow("Dataset.split: invalid strataField 'y' (fields: x, label)");
    expect(() => new Dataset([], ds.fields).split()).toThrow(EmptyDatasetError);
    expect(() => new Dataset([], ds.fields).split()).toThrow('Dataset.split: the dataset has no examples to split');
    expect(() => new Dataset([], null as never)).toThrow('Dataset: fields must be a list of [name, field] pairs or a name-to-field object, got null');
  });

  it('filters out-of-vocab tokens from examples', async () => {
    const TEXT = new Field();
    const fields: FieldList = [['t', TEXT]];
    const ds = new Dataset([Example.fromList(['a b c', ''], fields)], fields);
    await TEXT.buildVocab([['a', 'c']]);
    ds.filterExamples(['t']);
    expect(ds.getItem(0).t).toEqual(['a', 'c']);
    expect(() => new Dataset([], [['t', new RawField()]]).filterExamples(['t'])).toThrow("Dataset.filterExamples: field 't' has no vocab (call buildVocab first)");
  });
});
