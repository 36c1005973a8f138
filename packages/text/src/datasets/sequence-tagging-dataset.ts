import { Dataset, type DatasetOptions, type FieldMap } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import { type DatasetLocation, downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { loadSplits } from './internal/splits';
import { readTaggedSentences } from './tagged-sentences';
import type { SplitFiles, TextSplitsOptions } from './text-dataset-options';

/**
 * Options of {@link SequenceTaggingDataset.load}.
 *
 * @example
 * ```ts
 * await SequenceTaggingDataset.load('train.txt', fields, { separator: ' ' });
 * ```
 */
export interface SequenceTaggingOptions extends DatasetOptions {
  /** What separates a line's columns. @default '\t' (each dataset may set its own) */
  separator?: string;
  /** The file's encoding. @default 'utf8' */
  encoding?: BufferEncoding;
}

/**
 * Options of a sequence-tagging dataset's `splits`: the split files (each dataset's defaults in
 * its `splitFiles`), where it lives and comes from, and {@link SequenceTaggingOptions}.
 *
 * @example
 * ```ts
 * await UDPOS.splits(fields, { validation: null });
 * ```
 */
export interface SequenceTaggingSplitsOptions extends TextSplitsOptions, Omit<SequenceTaggingOptions, 'filterPred'> {
  /** Read the split files from this folder instead of downloading the dataset. @default the dataset's downloaded folder */
  path?: string;
}

/**
 * A sequence-tagging dataset class: its location, default split files, separator and constructor
 * (the `this` of the inherited statics).
 *
 * @example
 * ```ts
 * const cls: SequenceTaggingDatasetClass<UDPOS> = UDPOS;
 * ```
 */
export interface SequenceTaggingDatasetClass<D extends SequenceTaggingDataset> extends DatasetLocation {
  new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions): D;
  /** The default split files. */
  readonly splitFiles: SplitFiles;
  /** The column separator of the dataset's files. */
  readonly separator: string;
}

/**
 * Token-level tagging data (classic torchtext's `SequenceTaggingDataset`): a file of one token a
 * line, its columns (word, tags, ...) separated by `separator`, a blank line after each
 * sentence. Each sentence is one example whose fields, in column order, get the column's values:
 * `[['text', WORD], ['udtags', UD_TAG], ['ptbtags', PTB_TAG]]` gives `ex.text`, `ex.udtags`,
 * `ex.ptbtags` (a `[name, null]` pair skips a column; columns past the fields are ignored).
 * `sortKey` is the sentence length. {@link UDPOS} and {@link CoNLL2000Chunking} are its
 * subclasses. See {@link readTaggedSentences} for the errors.
 *
 * @example
 * ```ts
 * const WORD = new Field({ lower: true });
 * const TAG = new Field({ unkToken: null });
 * const ds = await SequenceTaggingDataset.load('data/train.tsv', [['text', WORD], ['tags', TAG]]);
 * ds.getItem(0); // { text: ['i', 'love', 'pytorch', '.'], tags: ['PRON', 'VERB', 'PROPN', 'PUNCT'] }
 * ```
 */
export class SequenceTaggingDataset extends Dataset {
  /** The folder under `root` (classic `name`); none for data of your own. */
  static readonly folder: string = '';
  /** The folder of the split files within it. */
  static readonly dirname: string = '';
  /** The files to download; none for data of your own (pass `path`). */
  static readonly resources: readonly TextDatasetResource[] = [];
  /** The default split files; none for data of your own. */
  static readonly splitFiles: SplitFiles = {};
  /** The column separator. */
  static readonly separator: string = '\t';

  override sortKey = (example: Example): number => {
    const first = Object.entries(this.fields).find(([, field]) => field !== null)?.[0];
    return first === undefined ? 0 : (example[first] as unknown[]).length;
  };

  /**
   * Reads one column file (classic `SequenceTaggingDataset(path, fields, encoding, separator)`).
   *
   * @example
   * ```ts
   * const dev = await UDPOS.load('.data/udpos/en-ud-v2/en-ud-tag.v2.dev.txt', fields);
   * ```
   */
  static async load<D extends SequenceTaggingDataset>(
    this: (new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D) & { readonly separator: string },
    path: string,
    fields: FieldList,
    options: SequenceTaggingOptions = {},
  ): Promise<D> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return readSentences(cls, path, fields, { separator: cls.separator, ...options });
  }

  /**
   * Downloads the dataset into `<root>/<folder>` unless there; resolves with the folder of its
   * split files.
   *
   * @example
   * ```ts
   * await UDPOS.download(); // '/abs/cwd/.data/udpos/en-ud-v2'
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
   * const [train, val, test] = await UDPOS.splits([['text', WORD], ['udtags', UD_TAG], ['ptbtags', null]]);
   * ```
   */
  static async splits<D extends SequenceTaggingDataset>(this: SequenceTaggingDatasetClass<D>, fields: FieldList, options: SequenceTaggingSplitsOptions = {}): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = cls.splitFiles.train, validation = cls.splitFiles.validation, test = cls.splitFiles.test, separator = cls.separator, encoding, filterPred, path, ...source } = options;
    const folder = path ?? (await downloadDatasetFolder(cls, source));
    return loadSplits(`${cls.name}.splits`, folder, { train, validation, test }, (file) => readSentences(cls, file, fields, { separator, encoding, filterPred }));
  }
}

type SentencesClass<D> = new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D;

/** Reads a column file into examples of `cls`, one a sentence. */
export async function readSentences<D>(cls: SentencesClass<D>, path: string, fields: FieldList, options: SequenceTaggingOptions): Promise<D> {
  const sentences = await readTaggedSentences(path, { separator: options.separator, encoding: options.encoding, owner: cls.name, minColumns: fields.length });
  return new cls(
    sentences.map((columns) => Example.fromList(columns, fields)),
    fields,
    { filterPred: options.filterPred },
  );
}
