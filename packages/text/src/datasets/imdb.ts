import type { Tensor } from '@dl/core';
import { Dataset, type DatasetOptions } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import { Field } from '../data/fields/field';
import type { RawField } from '../data/fields/raw-field';
import { BucketIterator } from '../data/iterators/bucket-iterator';
import { downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { readIMDBReviews } from './imdb-reviews';
import { loadSplits } from './internal/splits';
import type { TextItersOptions, TextSplitsOptions } from './text-dataset-options';

/**
 * Options of {@link IMDB.splits} (IMDB has no validation folder).
 *
 * @example
 * ```ts
 * await IMDB.splits(text, label, { test: null }); // [train]
 * ```
 */
export interface IMDBSplitsOptions extends Omit<TextSplitsOptions, 'validation'> {
  /** The training folder within `aclImdb`. @default 'train' */
  train?: string | null;
  /** The test folder within `aclImdb`. @default 'test' */
  test?: string | null;
}

/**
 * Options of {@link IMDB.iters}: {@link TextItersOptions} and those of {@link IMDB.splits}.
 *
 * @example
 * ```ts
 * await IMDB.iters({ batchSize: 64, vectors: 'glove.6B.100d' });
 * ```
 */
export interface IMDBItersOptions extends TextItersOptions, IMDBSplitsOptions {}

/**
 * The Large Movie Review Dataset (classic torchtext's `IMDB`): 25,000 training and 25,000 test
 * reviews, half positive, half negative. Examples have `text` (the review, through `textField`)
 * and `label` (`'pos'` or `'neg'`). `splits` downloads `aclImdb_v1.tar.gz` (MD5-checked) into
 * `<root>/imdb` once, and reads `aclImdb/train` and `aclImdb/test` with {@link readIMDBReviews}.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'spacy', lower: true, includeLengths: true });
 * const LABEL = new LabelField();
 * const [train, test] = await IMDB.splits(TEXT, LABEL);
 * train.getItem(0).label; // 'pos'
 * ```
 */
export class IMDB extends Dataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['http://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz'];
  /** The folder under `root` (classic `name`). */
  static readonly folder: string = 'imdb';
  /** The archive's top folder, which holds `train/` and `test/`. */
  static readonly dirname: string = 'aclImdb';
  /** The download, with the MD5 later torchtext releases published. */
  static readonly resources: readonly TextDatasetResource[] = [{ url: IMDB.urls[0], md5: '7c2ac02c03563afcf9b574c7e56c153a', extract: true, check: 'aclImdb' }];

  override sortKey = (example: Example): number => (example.text as unknown[]).length;
  override name: string | undefined = 'imdb';

  /**
   * Reads one split folder (classic `IMDB(path, text_field, label_field)`).
   *
   * @example
   * ```ts
   * const test = await IMDB.load('.data/imdb/aclImdb/test', new Field(), new LabelField());
   * ```
   */
  static async load(this: typeof IMDB, path: string, textField: RawField, labelField: RawField, options: DatasetOptions = {}): Promise<IMDB> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const fields: FieldList = [
      ['text', textField],
      ['label', labelField],
    ];
    const reviews = await readIMDBReviews(path, 'IMDB');
    return new cls(
      reviews.map(({ text, label }) => Example.fromList([text, label], fields)),
      fields,
      { filterPred: options.filterPred },
    );
  }

  /**
   * Downloads and extracts the archive into `<root>/imdb` unless `aclImdb/` is there; resolves
   * with `<root>/imdb/aclImdb`.
   *
   * @example
   * ```ts
   * await IMDB.download({ downloadOptions: { progress: true } });
   * ```
   */
  static download(this: typeof IMDB, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads IMDB if needed and loads `[train, test]` (those not `null`).
   *
   * @example
   * ```ts
   * const [train, test] = await IMDB.splits(TEXT, LABEL, { root: '/data/text' });
   * ```
   */
  static async splits(this: typeof IMDB, textField: RawField, labelField: RawField, options: IMDBSplitsOptions = {}): Promise<IMDB[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = 'train', test = 'test', filterPred, ...source } = options;
    const path = await cls.download(source);
    return loadSplits('IMDB.splits', path, { train, test }, (folder) => cls.load(folder, textField, labelField, { filterPred }));
  }

  /**
   * The quick start (classic `IMDB.iters`): `Field()` text, non-sequential `Field` label,
   * vocabularies of the training split, a {@link BucketIterator} for train and test.
   *
   * @example
   * ```ts
   * const [trainIter, testIter] = await IMDB.iters({ batchSize: 32 });
   * ```
   */
  static async iters(this: typeof IMDB, options: IMDBItersOptions = {}): Promise<BucketIterator<{ text: Tensor; label: Tensor }>[]> {
    const { batchSize = 32, device, vectors, ...splits } = options;
    const TEXT = new Field();
    const LABEL = new Field({ sequential: false });
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const datasets = await cls.splits(TEXT, LABEL, splits);
    await TEXT.buildVocab(datasets[0], { vectors });
    await LABEL.buildVocab(datasets[0]);
    return BucketIterator.splits(datasets, { batchSize, device }) as BucketIterator<{ text: Tensor; label: Tensor }>[];
  }
}
