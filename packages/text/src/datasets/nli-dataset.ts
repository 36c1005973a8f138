import type { Tensor } from '@dl/core';
import { Dataset, type DatasetOptions, type FieldMap } from '../data/dataset/dataset';
import type { Example } from '../data/dataset/example';
import type { FieldDict, FieldList, FieldPair } from '../data/dataset/fields-spec';
import { TabularDataset } from '../data/dataset/tabular-dataset';
import { Field } from '../data/fields/field';
import type { RawField } from '../data/fields/raw-field';
import { BucketIterator } from '../data/iterators/bucket-iterator';
import { interleaveKeys } from '../data/utils/interleave-keys';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { TabularFormatError } from '../errors/tabular-format-error';
import { type DatasetLocation, downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { emptyFileError, requireFile } from './internal/read-lines';
import { loadSplits } from './internal/splits';
import { ParsedTextField } from './parsed-text-field';
import { ShiftReduceField } from './shift-reduce-field';
import type { SplitFiles, TextItersOptions } from './text-dataset-options';

/**
 * Options of an NLI dataset's `splits`: the split files (each dataset's defaults in its
 * `splitFiles`), where it lives and comes from, the transitions field and extra fields.
 *
 * @example
 * ```ts
 * await SNLI.splits(TEXT, LABEL, { parseField: new ShiftReduceField(), extraFields: { pairID: ['id', new RawField()] } });
 * ```
 */
export interface NLISplitsOptions extends TextDatasetSource, SplitFiles {
  /**
   * The field of the shift-reduce transitions; when given, the premise and hypothesis are read
   * from the binary parses (`sentence1_binary_parse`), each into `textField` and this field
   * (`premise_transitions`, `hypothesis_transitions`). @default null (the plain sentences)
   */
  parseField?: RawField | null;
  /** More JSON keys to read, as `{ key: [name, field] }` (keys already read are ignored). @default {} */
  extraFields?: FieldDict;
}

/**
 * Options of an NLI dataset's `iters`: {@link TextItersOptions}, `trees`, and those of `splits`.
 *
 * @example
 * ```ts
 * await SNLI.iters({ batchSize: 128, trees: true });
 * ```
 */
export interface NLIItersOptions extends TextItersOptions, Omit<NLISplitsOptions, 'parseField'> {
  /**
   * Read the binary parses with a {@link ParsedTextField} and add {@link ShiftReduceField}
   * transitions; else the sentences are tokenized with `'spacy'`. @default false
   */
  trees?: boolean;
}

/**
 * An NLI dataset class: its location, default split files and constructor (the `this` of the
 * inherited statics).
 *
 * @example
 * ```ts
 * const cls: NLIDatasetClass<SNLI> = SNLI;
 * ```
 */
export interface NLIDatasetClass<D extends NLIDataset> extends DatasetLocation {
  new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions): D;
  /** The default split files. */
  readonly splitFiles: SplitFiles;
}

/**
 * A natural language inference dataset in JSON lines (classic torchtext's `NLIDataset`; read
 * through {@link TabularDataset.load}, though not its subclass here, as its static `splits`
 * differs): each record becomes an example with `premise`, `hypothesis` and `label`
 * (`'entailment'`, `'neutral'`, `'contradiction'`); records without a gold label (`'-'`, the
 * annotators disagreed) are left out. With a `parseField` the sentences are read from their
 * binary parses, and each gets its transitions too. `sortKey` interleaves the two sentence
 * lengths. {@link SNLI}, {@link MultiNLI} and {@link XNLI} are its subclasses.
 *
 * A line that is not JSON or lacks a key throws {@link DatasetFormatError} with its file and
 * line; an empty file {@link DatasetEmptyFileError}, a missing one {@link DatasetMissingFileError}.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'spacy', lower: true });
 * const LABEL = new Field({ sequential: false });
 * const [train, val, test] = await SNLI.splits(TEXT, LABEL);
 * train.getItem(0); // { premise: ['a', 'person', ...], hypothesis: [...], label: 'neutral' }
 * ```
 */
export class NLIDataset extends Dataset {
  /** The file the examples were read from. */
  path = '';

  /** The folder under `root` (classic `name`). */
  static readonly folder: string = 'nli';
  /** The folder of the split files within it. */
  static readonly dirname: string = '';
  /** The files to download. */
  static readonly resources: readonly TextDatasetResource[] = [];
  /** The default split files (classic `NLIDataset.splits`'). */
  static readonly splitFiles: SplitFiles = { train: 'train.jsonl', validation: 'val.jsonl', test: 'test.jsonl' };

  override sortKey = (example: Example): number => interleaveKeys((example.premise as unknown[]).length, (example.hypothesis as unknown[]).length);

  /**
   * Downloads the dataset into `<root>/<folder>` unless there; resolves with the folder of its
   * split files.
   *
   * @example
   * ```ts
   * await SNLI.download(); // '/abs/cwd/.data/snli/snli_1.0'
   * ```
   */
  static download(this: DatasetLocation, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads the dataset if needed and loads its splits; resolves with the datasets of the
   * splits asked for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await SNLI.splits(TEXT, LABEL, { parseField: new ShiftReduceField() });
   * ```
   */
  static async splits<D extends NLIDataset>(this: NLIDatasetClass<D>, textField: RawField, labelField: RawField, options: NLISplitsOptions = {}): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = cls.splitFiles.train, validation = cls.splitFiles.validation, test = cls.splitFiles.test, parseField = null, extraFields = {}, ...source } = options;
    const path = await downloadDatasetFolder(cls, source);
    const fields: Record<string, FieldPair | readonly FieldPair[] | null> =
      parseField === null
        ? { sentence1: ['premise', textField], sentence2: ['hypothesis', textField], gold_label: ['label', labelField] }
        : {
            sentence1_binary_parse: [
              ['premise', textField],
              ['premise_transitions', parseField],
            ],
            sentence2_binary_parse: [
              ['hypothesis', textField],
              ['hypothesis_transitions', parseField],
            ],
            gold_label: ['label', labelField],
          };
    for (const [key, entry] of Object.entries(extraFields)) if (!(key in fields)) fields[key] = entry;
    return loadSplits(`${cls.name}.splits`, path, { train, validation, test }, (file) => readNLI(cls, file, fields));
  }

  /**
   * The quick start (classic `iters`): a `'spacy'`-tokenized text field (or, with `trees`, a
   * {@link ParsedTextField} and {@link ShiftReduceField} transitions), a non-sequential label
   * field, vocabularies of the training split, and a {@link BucketIterator} per split.
   *
   * @example
   * ```ts
   * const [trainIter, valIter, testIter] = await SNLI.iters({ batchSize: 64, trees: true });
   * for (const batch of trainIter) batch.premise; // [padded, lengths]
   * ```
   */
  static async iters<D extends NLIDataset>(this: NLIDatasetClass<D>, options: NLIItersOptions = {}): Promise<BucketIterator<Record<string, Tensor | [Tensor, Tensor]>>[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { batchSize = 32, device, vectors, trees = false, ...splits } = options;
    const TEXT = trees ? new ParsedTextField() : new Field({ tokenize: 'spacy' });
    const TRANSITIONS = trees ? new ShiftReduceField() : null;
    const LABEL = new Field({ sequential: false });
    const datasets = await NLIDataset.splits.call(cls, TEXT, LABEL, { ...splits, parseField: TRANSITIONS });
    await TEXT.buildVocab(datasets[0], { vectors });
    await LABEL.buildVocab(datasets[0]);
    return BucketIterator.splits(datasets, { batchSize, device }) as BucketIterator<Record<string, Tensor | [Tensor, Tensor]>>[];
  }
}

type NLIClass<D> = (new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D) & { readonly name: string };

/** Reads one JSON-lines split into examples of `cls`, without the records lacking a gold label. */
async function readNLI<D extends NLIDataset>(cls: NLIClass<D>, file: string, fields: FieldDict): Promise<D> {
  await requireFile(file, cls.name, 'the JSON lines file');
  let table: TabularDataset;
  try {
    table = await TabularDataset.load(file, 'json', fields);
  } catch (error) {
    if (!(error instanceof TabularFormatError)) throw error;
    throw new DatasetFormatError(`${cls.name}: ${error.message.replace(/^TabularDataset: /, '')}`, { file: error.file, line: error.line });
  }
  if (table.length === 0) throw emptyFileError(file, cls.name, 'one JSON record a line');
  const dataset = new cls(table.examples, table.fields, { filterPred: (example) => example.label !== '-' });
  dataset.path = file;
  return dataset;
}
