import { Dataset, type DatasetOptions, type FieldMap } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import type { RawField } from '../data/fields/raw-field';
import { interleaveKeys } from '../data/utils/interleave-keys';
import { type DatasetLocation, downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { loadSplits } from './internal/splits';
import { readParallelLines } from './parallel-lines';
import type { SplitFiles, TextSplitsOptions } from './text-dataset-options';

/**
 * The fields of a translation dataset: `[srcField, trgField]` (the examples get `src` and `trg`),
 * or a {@link FieldList} naming the two columns.
 *
 * @example
 * ```ts
 * const fields: TranslationFields = [new Field({ tokenize: 'spacy', tokenizerLanguage: 'de' }), new Field({ tokenize: 'spacy' })];
 * ```
 */
export type TranslationFields = readonly [RawField, RawField] | FieldList;

/**
 * Options of a translation dataset's `splits`: the split file prefixes (each dataset's defaults
 * in its `splitFiles`; the file of a language is the prefix plus its extension), where it lives
 * and comes from, and `filterPred`.
 *
 * @example
 * ```ts
 * await Multi30k.splits(['.de', '.en'], [DE, EN], { filterPred: (ex) => (ex.src as string[]).length <= 100 });
 * ```
 */
export interface TranslationSplitsOptions extends TextSplitsOptions {
  /** Read the split files from this folder instead of downloading the dataset. @default the dataset's downloaded folder */
  path?: string;
}

/**
 * A translation dataset class: its location, default split prefixes and constructor (the `this`
 * of the inherited statics).
 *
 * @example
 * ```ts
 * const cls: TranslationDatasetClass<Multi30k> = Multi30k;
 * ```
 */
export interface TranslationDatasetClass<D extends TranslationDataset> extends DatasetLocation {
  new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions): D;
  /** The default split prefixes. */
  readonly splitFiles: SplitFiles;
}

/**
 * A parallel corpus (classic torchtext's `TranslationDataset`): for a path prefix and one
 * extension per language (`['.de', '.en']`), line `i` of `<prefix>.de` and of `<prefix>.en`
 * make example `i` with `src` and `trg`; lines are trimmed and pairs with an empty side dropped.
 * `sortKey` interleaves the two lengths, so buckets hold pairs of similar lengths on both sides.
 * {@link Multi30k}, {@link IWSLT} and {@link WMT14} are its subclasses.
 *
 * @example
 * ```ts
 * const DE = new Field({ tokenize: 'spacy', tokenizerLanguage: 'de', initToken: '<sos>', eosToken: '<eos>' });
 * const EN = new Field({ tokenize: 'spacy', initToken: '<sos>', eosToken: '<eos>' });
 * const corpus = await TranslationDataset.load('data/train', ['.de', '.en'], [DE, EN]);
 * const [train, val] = await TranslationDataset.splits(['.de', '.en'], [DE, EN], { path: 'data', train: 'train', validation: 'val', test: null });
 * ```
 */
export class TranslationDataset extends Dataset {
  /** The folder under `root` (classic `name`); none for a corpus of your own. */
  static readonly folder: string = '';
  /** The folder of the split files within it. */
  static readonly dirname: string = '';
  /** The files to download; none for a corpus of your own (pass `path`). */
  static readonly resources: readonly TextDatasetResource[] = [];
  /** The default split prefixes (classic `TranslationDataset.splits`'). */
  static readonly splitFiles: SplitFiles = { train: 'train', validation: 'val', test: 'test' };

  override sortKey = (example: Example): number => {
    const [src, trg] = Object.keys(this.fields);
    return interleaveKeys((example[src] as unknown[]).length, (example[trg] as unknown[]).length);
  };

  /**
   * Reads `<path><exts[0]>` and `<path><exts[1]>` (classic `TranslationDataset(path, exts, fields)`);
   * see {@link readParallelLines} for the errors.
   *
   * @example
   * ```ts
   * const val = await Multi30k.load('.data/multi30k/val', ['.de', '.en'], [DE, EN]);
   * ```
   */
  static async load<D extends TranslationDataset>(
    this: new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D,
    path: string,
    exts: readonly [string, string],
    fields: TranslationFields,
    options: DatasetOptions = {},
  ): Promise<D> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return readPairs(cls, path, exts, fields, options);
  }

  /**
   * Downloads the dataset into `<root>/<folder>` unless there; resolves with the folder of its
   * split files.
   *
   * @example
   * ```ts
   * await Multi30k.download(); // '/abs/cwd/.data/multi30k'
   * ```
   */
  static download(this: DatasetLocation, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads the dataset if needed (unless `path` is given) and loads its splits; resolves with
   * the datasets of the splits asked for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await Multi30k.splits(['.de', '.en'], [DE, EN]);
   * ```
   */
  static async splits<D extends TranslationDataset>(
    this: TranslationDatasetClass<D>,
    exts: readonly [string, string],
    fields: TranslationFields,
    options: TranslationSplitsOptions = {},
  ): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = cls.splitFiles.train, validation = cls.splitFiles.validation, test = cls.splitFiles.test, filterPred, path, ...source } = options;
    const folder = path ?? (await downloadDatasetFolder(cls, source));
    return loadSplits(`${cls.name}.splits`, folder, { train, validation, test }, (prefix) => readPairs(cls, prefix, exts, fields, { filterPred }));
  }
}

type PairsClass<D> = new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D;

/** Reads the two files of a split into examples of `cls`. */
export async function readPairs<D>(cls: PairsClass<D>, path: string, exts: readonly [string, string], fields: TranslationFields, options: DatasetOptions): Promise<D> {
  const list: FieldList = Array.isArray(fields[0])
    ? (fields as FieldList)
    : [
        ['src', fields[0] as RawField],
        ['trg', fields[1] as RawField],
      ];
  const pairs = await readParallelLines(path + exts[0], path + exts[1], cls.name);
  return new cls(
    pairs.map((pair) => Example.fromList(pair, list)),
    list,
    { filterPred: options.filterPred },
  );
}
