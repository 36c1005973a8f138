import type { Tensor } from '@dl/core';
import { Dataset, type DatasetOptions } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import { Field } from '../data/fields/field';
import type { RawField } from '../data/fields/raw-field';
import { BucketIterator } from '../data/iterators/bucket-iterator';
import { downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { loadSplits } from './internal/splits';
import type { TextItersOptions, TextSplitsOptions } from './text-dataset-options';
import { readTRECQuestions } from './trec-questions';

/**
 * Options of {@link TREC.load}.
 *
 * @example
 * ```ts
 * await TREC.load('.data/trec/TREC_10.label', text, label, { fineGrained: true });
 * ```
 */
export interface TRECOptions extends DatasetOptions {
  /** The 50 fine labels (`'HUM:ind'`) instead of the 6 coarse ones (`'HUM'`). @default false */
  fineGrained?: boolean;
}

/**
 * Options of {@link TREC.splits} (TREC has no validation file).
 *
 * @example
 * ```ts
 * await TREC.splits(text, label, { fineGrained: true, root: '/data/text' });
 * ```
 */
export interface TRECSplitsOptions extends Omit<TextSplitsOptions, 'validation'> {
  /** The training file. @default 'train_5500.label' */
  train?: string | null;
  /** The test file. @default 'TREC_10.label' */
  test?: string | null;
  /** See {@link TRECOptions.fineGrained}. @default false */
  fineGrained?: boolean;
}

/**
 * Options of {@link TREC.iters}: {@link TextItersOptions} and those of {@link TREC.splits}.
 *
 * @example
 * ```ts
 * await TREC.iters({ batchSize: 64, fineGrained: true });
 * ```
 */
export interface TRECItersOptions extends TextItersOptions, TRECSplitsOptions {}

const QC = 'http://cogcomp.org/Data/QA/QC/';
const QC_NOW = 'https://cogcomp.seas.upenn.edu/Data/QA/QC/';

/**
 * The TREC question classification dataset (classic torchtext's `TREC`): 5,452 training and
 * 500 test questions labeled with what they ask for. Examples have `text` (the question through
 * `textField`) and `label`: the coarse class (`'DESC'`, `'ENTY'`, `'ABBR'`, `'HUM'`, `'LOC'`,
 * `'NUM'`), or with `fineGrained` the full label (`'HUM:ind'`, one of 50).
 *
 * `splits` downloads `train_5500.label` and `TREC_10.label` into `<root>/trec` (once; the
 * cogcomp.org URLs, then their current home at cogcomp.seas.upenn.edu) and resolves with
 * `[train, test]`. Labels are cut before the label field's own processing (classic torchtext
 * overwrote the field's `preprocessing` instead). See {@link readTRECQuestions} for the format.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'spacy', lower: true });
 * const LABEL = new LabelField();
 * const [train, test] = await TREC.splits(TEXT, LABEL);
 * train.getItem(0); // { text: ['how', 'did', 'serfdom', ...], label: 'DESC' }
 * ```
 */
export class TREC extends Dataset {
  /** Where the two files are downloaded from. */
  static readonly urls: readonly string[] = [`${QC}train_5500.label`, `${QC}TREC_10.label`];
  /** The folder under `root` (classic `name`). */
  static readonly folder: string = 'trec';
  /** The files sit in the folder itself. */
  static readonly dirname: string = '';
  /** The downloads, with the files' current home as a mirror (no published checksums). */
  static readonly resources: readonly TextDatasetResource[] = ['train_5500.label', 'TREC_10.label'].map((name) => ({
    url: `${QC}${name}`,
    mirrors: [`${QC_NOW}${name}`],
    check: name,
  }));

  override sortKey = (example: Example): number => (example.text as unknown[]).length;
  override name: string | undefined = 'trec';

  /**
   * Reads one TREC file (classic `TREC(path, text_field, label_field, fine_grained)`).
   *
   * @example
   * ```ts
   * const test = await TREC.load('.data/trec/TREC_10.label', new Field(), new LabelField());
   * ```
   */
  static async load(this: typeof TREC, path: string, textField: RawField, labelField: RawField, options: TRECOptions = {}): Promise<TREC> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const fields: FieldList = [
      ['text', textField],
      ['label', labelField],
    ];
    const questions = await readTRECQuestions(path, 'TREC');
    const examples = questions.map(({ label, text }) => Example.fromList([text, options.fineGrained ? label : label.split(':')[0]], fields));
    return new cls(examples, fields, { filterPred: options.filterPred });
  }

  /**
   * Downloads the two files into `<root>/trec` unless there; resolves with that folder.
   *
   * @example
   * ```ts
   * await TREC.download(); // '/abs/cwd/.data/trec'
   * ```
   */
  static download(this: typeof TREC, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads TREC if needed and loads `[train, test]` (those not `null`).
   *
   * @example
   * ```ts
   * const [train, test] = await TREC.splits(TEXT, LABEL, { fineGrained: true });
   * ```
   */
  static async splits(this: typeof TREC, textField: RawField, labelField: RawField, options: TRECSplitsOptions = {}): Promise<TREC[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = 'train_5500.label', test = 'TREC_10.label', fineGrained = false, filterPred, ...source } = options;
    const path = await cls.download(source);
    return loadSplits('TREC.splits', path, { train, test }, (file) => cls.load(file, textField, labelField, { fineGrained, filterPred }));
  }

  /**
   * The quick start (classic `TREC.iters`): `Field()` text, non-sequential `Field` label,
   * vocabularies of the training split, a {@link BucketIterator} for train and test.
   *
   * @example
   * ```ts
   * const [trainIter, testIter] = await TREC.iters({ batchSize: 32, vectors: 'glove.6B.50d' });
   * ```
   */
  static async iters(this: typeof TREC, options: TRECItersOptions = {}): Promise<BucketIterator<{ text: Tensor; label: Tensor }>[]> {
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
