import { Dataset as MapStyleDataset, type GeneratorState, ValueError } from '@dl/core';
import { EmptyDatasetError } from '../../errors/empty-dataset-error';
import { ExampleError } from '../../errors/example-error';
import type { RawField } from '../fields/raw-field';
import { RandomShuffler } from '../utils/random-shuffler';
import { checkSplitRatio, rationedSplit, stratify } from './dataset-split';
import type { Example } from './example';
import type { FieldList } from './fields-spec';
import type { SortKeyValue } from '../iterators/batching';

/**
 * A dataset's fields by name, in column order (`null`: a column read but not kept).
 *
 * @example
 * ```ts
 * const fields: FieldMap = { text: TEXT, label: LABEL };
 * ```
 */
export type FieldMap = Record<string, RawField | null>;

/** Options of {@link Dataset}. */
export interface DatasetOptions {
  /** Keep only the examples for which this returns true. @default keep all */
  filterPred?: ((example: Example) => boolean) | null;
}

/** Options of {@link Dataset.split}. */
export interface SplitOptions {
  /** Split each value of `strataField` separately, so every split keeps its proportions. @default false */
  stratified?: boolean;
  /** The field to stratify over. @default 'label' */
  strataField?: string;
  /** The shuffle's random state (a `GeneratorState` or a seed). @default a copy of the default generator's state */
  randomState?: GeneratorState | number | null;
}

/** The fields as a name-to-field map, multi-field columns unpacked (torchtext's `dict(fields)`). */
function toFieldMap(fields: FieldList | FieldMap): FieldMap {
  const out: FieldMap = {};
  if (!Array.isArray(fields)) {
    if (fields === null || typeof fields !== 'object') throw new ValueError(`Dataset: fields must be a list of [name, field] pairs or a name-to-field object, got ${fields === null ? 'null' : typeof fields}`);
    return Object.assign(out, fields);
  }
  for (const pair of fields as FieldList) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new ValueError(`Dataset: each field must be a [name, field] pair, got ${JSON.stringify(pair)}`);
    const [name, field] = pair;
    if (typeof name === 'string') out[name] = field as RawField | null;
    else {
      const fs = field as readonly (RawField | null)[];
      (name as readonly string[]).forEach((n, i) => {
        out[n] = fs[i] ?? null;
      });
    }
  }
  return out;
}

/**
 * Examples with their fields (torchtext's `Dataset`): `getItem(i)`/`length`/iteration, a
 * `sortKey` for bucketing, `split()` into train/test(/validation), and `column(name)` for one
 * field's values. It is an @dl/core map-style `Dataset<Example>` too, so a `DataLoader` can
 * read it (with a `collateFn`).
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'basic_english' });
 * const LABEL = new LabelField();
 * const fields: FieldList = [['text', TEXT], ['label', LABEL]];
 * const ds = new Dataset([Example.fromList(['Who is he?', 'HUM'], fields)], fields);
 * ds.getItem(0).text; // ['who', 'is', 'he', '?']
 * const [train, test] = ds.split(0.7);
 * ```
 */
export class Dataset extends MapStyleDataset<Example> implements Iterable<Example> {
  /** The examples (after `filterPred`). */
  examples: Example[];
  /** The fields by name, in column order. */
  fields: FieldMap;
  /** The key iterators sort and bucket by (e.g. `(ex) => ex.text.length`); none by default. */
  sortKey: ((example: Example) => SortKeyValue) | null = null;
  /** The dataset's name (torchtext's datasets set it, e.g. `'trec'`); a Batch prints it. @default undefined */
  name: string | undefined;

  constructor(examples: Iterable<Example>, fields: FieldList | FieldMap, options: DatasetOptions = {}) {
    super();
    const all = Array.isArray(examples) ? examples : [...examples];
    this.examples = options.filterPred ? all.filter(options.filterPred) : all;
    this.fields = toFieldMap(fields);
  }

  /** The number of examples. */
  get length(): number {
    return this.examples.length;
  }

  /** The example at `index` (negative counts from the end, as Python). */
  getItem(index: number): Example {
    const i = index < 0 ? this.examples.length + index : index;
    const ex = this.examples[i];
    if (!Number.isInteger(index) || ex === undefined) {
      throw new RangeError(`${this.constructor.name}.getItem: index ${index} is out of range for ${this.examples.length} examples`);
    }
    return ex;
  }

  [Symbol.iterator](): Iterator<Example> {
    return this.examples[Symbol.iterator]();
  }

  /**
   * Every example's value of field `name` (torchtext's `getattr(dataset, name)`), lazily.
   *
   * @throws ExampleError when the dataset has no such field.
   */
  *column(name: string): Generator<unknown> {
    if (!(name in this.fields)) throw new ExampleError(`${this.constructor.name}.column: no field '${name}' (fields: ${Object.keys(this.fields).join(', ')})`);
    for (const ex of this.examples) yield ex[name];
  }

  /**
   * Splits the examples at random into train and test (and validation) datasets, as torchtext:
   * `splitRatio` is the train fraction, or relative sizes `[train, test]` or
   * `[train, test, validation]`. Returns the non-empty splits in the order train, validation,
   * test; they keep this dataset's fields and sortKey.
   *
   * @throws EmptyDatasetError when there are no examples; ValueError for a bad ratio or strataField.
   * @example
   * ```ts
   * const [train, valid, test] = ds.split([0.8, 0.1, 0.1], { stratified: true, strataField: 'label', randomState: 0 });
   * ```
   */
  split(splitRatio: number | readonly number[] = 0.7, options: SplitOptions = {}): Dataset[] {
    const ratios = checkSplitRatio(splitRatio);
    if (this.examples.length === 0) throw new EmptyDatasetError(`${this.constructor.name}.split: the dataset has no examples to split`);
    const rnd = new RandomShuffler(options.randomState);
    let parts: [Example[], Example[], Example[]];
    if (!options.stratified) parts = rationedSplit(this.examples, ratios, rnd);
    else {
      const strataField = options.strataField ?? 'label';
      if (!(strataField in this.fields)) {
        throw new ValueError(`${this.constructor.name}.split: invalid strataField '${strataField}' (fields: ${Object.keys(this.fields).join(', ')})`);
      }
      parts = [[], [], []];
      for (const group of stratify(this.examples, strataField)) {
        const [a, b, c] = rationedSplit(group, ratios, rnd);
        parts[0].push(...a);
        parts[1].push(...b);
        parts[2].push(...c);
      }
    }
    const [train, test, val] = parts;
    return [train, val, test]
      .filter((d) => d.length > 0)
      .map((d) => {
        const s = new Dataset(d, this.fields);
        s.sortKey = this.sortKey;
        return s;
      });
  }

  /**
   * Removes, from the given fields of every example, the tokens missing from that field's vocab
   * (torchtext's `filter_examples`).
   */
  filterExamples(fieldNames: readonly string[]): void {
    for (const name of fieldNames) {
      const field = this.fields[name] as { vocab?: { stoi: Map<string, number> } } | null | undefined;
      const stoi = field?.vocab?.stoi;
      if (!stoi) throw new ExampleError(`${this.constructor.name}.filterExamples: field '${name}' has no vocab (call buildVocab first)`);
      for (const ex of this.examples) ex[name] = (ex[name] as unknown[]).filter((w) => stoi.has(w as string));
    }
  }
}
