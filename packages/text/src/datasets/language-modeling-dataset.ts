import { type Tensor, ValueError } from '@dl/core';
import { Dataset, type DatasetOptions, type FieldMap } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import { Field } from '../data/fields/field';
import type { RawField } from '../data/fields/raw-field';
import { BPTTIterator } from '../data/iterators/bptt-iterator';
import { type DatasetLocation, downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { emptyFileError, readLines } from './internal/read-lines';
import { loadSplits, positiveInteger } from './internal/splits';
import type { SplitFiles, TextItersOptions, TextSplitsOptions } from './text-dataset-options';

/**
 * Options of {@link LanguageModelingDataset.load}.
 *
 * @example
 * ```ts
 * await LanguageModelingDataset.load('corpus.txt', text, { newlineEos: false, encoding: 'latin1' });
 * ```
 */
export interface LanguageModelingOptions extends DatasetOptions {
  /** Append an `'<eos>'` token for every line of the file. @default true */
  newlineEos?: boolean;
  /** The file's encoding. @default 'utf8' */
  encoding?: BufferEncoding;
}

/**
 * Options of a language-modeling dataset's `splits`: the split files (each dataset's defaults in
 * its `splitFiles`), where it lives and comes from, and {@link LanguageModelingOptions}.
 *
 * @example
 * ```ts
 * await WikiText2.splits(text, { newlineEos: false, test: null });
 * ```
 */
export interface LanguageModelingSplitsOptions extends TextSplitsOptions, Omit<LanguageModelingOptions, 'filterPred'> {
  /** Read the split files from this folder instead of downloading the dataset. @default the dataset's downloaded folder */
  path?: string;
}

/**
 * Options of a language-modeling dataset's `iters`: {@link TextItersOptions}, the BPTT length,
 * and the options of `splits`.
 *
 * @example
 * ```ts
 * await PennTreebank.iters({ batchSize: 20, bpttLen: 35 });
 * ```
 */
export interface LanguageModelingItersOptions extends TextItersOptions, LanguageModelingSplitsOptions {
  /** Time steps per batch (backpropagation through time). @default 35 */
  bpttLen?: number;
}

/**
 * A language-modeling dataset class: its location, default split files and constructor (the
 * `this` of the inherited statics).
 *
 * @example
 * ```ts
 * const cls: LanguageModelingDatasetClass<WikiText2> = WikiText2;
 * ```
 */
export interface LanguageModelingDatasetClass<D extends LanguageModelingDataset> extends DatasetLocation {
  new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions): D;
  /** The default split files. */
  readonly splitFiles: SplitFiles;
}

/**
 * A corpus for language modeling (classic torchtext's `LanguageModelingDataset`): the whole file
 * is one example whose `text` is the token stream, every line tokenized by `textField` and
 * followed by `'<eos>'` (with `newlineEos`). {@link BPTTIterator} cuts it into batches. The
 * downloadable corpora ({@link WikiText2}, {@link WikiText103}, {@link PennTreebank}) are its
 * subclasses and inherit `load`, `splits` and `iters`.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ lower: true });
 * const corpus = await LanguageModelingDataset.load('corpus.txt', TEXT);
 * (corpus.getItem(0).text as string[]).slice(0, 4); // ['the', 'cat', 'sat', '<eos>']
 * const [train, val] = await LanguageModelingDataset.splits(TEXT, { path: 'corpus', train: 'train.txt', validation: 'valid.txt' });
 * ```
 */
export class LanguageModelingDataset extends Dataset {
  /** The folder under `root` (classic `name`); none for a corpus of your own. */
  static readonly folder: string = '';
  /** The folder of the split files within it. */
  static readonly dirname: string = '';
  /** The files to download; none for a corpus of your own (pass `path`). */
  static readonly resources: readonly TextDatasetResource[] = [];
  /** The default split files; none for a corpus of your own. */
  static readonly splitFiles: SplitFiles = {};

  /**
   * Reads a text file into a dataset of one example, the token stream (classic
   * `LanguageModelingDataset(path, text_field, newline_eos, encoding)`). Throws
   * `DatasetEmptyFileError` for a file without tokens and `ValueError` for a field that does not
   * tokenize (a non-sequential one).
   *
   * @example
   * ```ts
   * const test = await PennTreebank.load('.data/penn-treebank/ptb.test.txt', new Field());
   * ```
   */
  static async load<D extends LanguageModelingDataset>(
    this: new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D,
    path: string,
    textField: RawField,
    options: LanguageModelingOptions = {},
  ): Promise<D> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return readCorpus(cls, path, textField, options);
  }

  /**
   * Downloads the corpus into `<root>/<folder>` unless there; resolves with the folder of its
   * split files.
   *
   * @example
   * ```ts
   * await WikiText2.download(); // '/abs/cwd/.data/wikitext-2/wikitext-2'
   * ```
   */
  static download(this: DatasetLocation, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads the corpus if needed (unless `path` is given) and loads its splits; resolves with
   * the datasets of the splits asked for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await WikiText2.splits(new Field({ lower: true }));
   * ```
   */
  static async splits<D extends LanguageModelingDataset>(this: LanguageModelingDatasetClass<D>, textField: RawField, options: LanguageModelingSplitsOptions = {}): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = cls.splitFiles.train, validation = cls.splitFiles.validation, test = cls.splitFiles.test, newlineEos, encoding, filterPred, path, ...source } = options;
    const folder = path ?? (await downloadDatasetFolder(cls, source));
    return loadSplits(`${cls.name}.splits`, folder, { train, validation, test }, (file) =>
      readCorpus(cls, file, textField, { newlineEos, encoding, filterPred }),
    );
  }

  /**
   * The quick start (classic `iters`): a `Field()`, `splits`, the vocabulary of the training
   * split (with `vectors`), and a {@link BPTTIterator} per split.
   *
   * @example
   * ```ts
   * const [trainIter, valIter, testIter] = await WikiText2.iters({ batchSize: 32, bpttLen: 35 });
   * for (const batch of trainIter) batch.text; // Tensor [35, 32]; batch.target is shifted by one
   * ```
   */
  static async iters<D extends LanguageModelingDataset>(
    this: LanguageModelingDatasetClass<D>,
    options: LanguageModelingItersOptions = {},
  ): Promise<BPTTIterator<{ text: Tensor; target: Tensor }>[]> {
    const { batchSize = 32, bpttLen = 35, device, vectors, ...splits } = options;
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    positiveInteger(`${cls.name}.iters`, 'bpttLen', bpttLen);
    const TEXT = new Field();
    const datasets = await LanguageModelingDataset.splits.call(cls, TEXT, splits);
    await TEXT.buildVocab(datasets[0], { vectors });
    return BPTTIterator.splits(datasets, { batchSize, bpttLen, device }) as BPTTIterator<{ text: Tensor; target: Tensor }>[];
  }
}

type CorpusClass<D> = new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D;

/** Reads a text file into one example of the class `cls`: the token stream. */
async function readCorpus<D>(cls: CorpusClass<D>, path: string, textField: RawField, options: LanguageModelingOptions): Promise<D> {
  const fields: FieldList = [['text', textField]];
  const eos = options.newlineEos ?? true;
  const text: unknown[] = [];
  for await (const { text: line } of readLines(path, cls.name, 'the text file', options.encoding)) {
    const tokens = textField.preprocess(line);
    if (!Array.isArray(tokens)) {
      throw new ValueError(`${cls.name}.load: the text field must tokenize each line into a list (a sequential Field), got ${typeof tokens}`);
    }
    for (const token of tokens) text.push(token);
    if (eos) text.push('<eos>');
  }
  if (text.length === 0) throw emptyFileError(path, cls.name, 'text, one line after another');
  return new cls([Example.fromList([text], fields)], fields, { filterPred: options.filterPred });
}
