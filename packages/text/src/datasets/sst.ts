import type { Tensor } from '@dl/core';
import { BucketIterator } from '../data/iterators/bucket-iterator';
import { Dataset, type DatasetOptions } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import { Tree } from '../data/dataset/tree';
import { Field } from '../data/fields/field';
import type { RawField } from '../data/fields/raw-field';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { ExampleError } from '../errors/example-error';
import { downloadDatasetFolder, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { emptyFileError, excerpt, readLines } from './internal/read-lines';
import { loadSplits } from './internal/splits';
import type { TextItersOptions, TextSplitsOptions } from './text-dataset-options';

/**
 * Options of {@link SST.load}.
 *
 * @example
 * ```ts
 * await SST.load('.data/sst/trees/train.txt', text, label, { subtrees: true, fineGrained: true });
 * ```
 */
export interface SSTOptions extends DatasetOptions {
  /** Also make an example of every sentiment-labeled phrase (each subtree), not only of each sentence. @default false */
  subtrees?: boolean;
  /** Five labels (`'very negative'` … `'very positive'`) instead of three (`'negative'`, `'neutral'`, `'positive'`). @default false */
  fineGrained?: boolean;
}

/**
 * Options of {@link SST.splits}: the split files (in `<root>/sst/trees`), where the dataset lives
 * and comes from, `filterPred`, and the labels.
 *
 * @example
 * ```ts
 * // Binary SST: three labels with the neutral sentences left out.
 * await SST.splits(text, label, { filterPred: (ex) => ex.label !== 'neutral' });
 * ```
 */
export interface SSTSplitsOptions extends TextSplitsOptions {
  /** The training file. @default 'train.txt' */
  train?: string | null;
  /** The validation file. @default 'dev.txt' */
  validation?: string | null;
  /** The test file. @default 'test.txt' */
  test?: string | null;
  /** Make the training split of every subtree (phrase) too. @default false */
  trainSubtrees?: boolean;
  /** See {@link SSTOptions.fineGrained}. @default false */
  fineGrained?: boolean;
}

/**
 * Options of {@link SST.iters}: {@link TextItersOptions} and those of {@link SST.splits}.
 *
 * @example
 * ```ts
 * await SST.iters({ batchSize: 64, fineGrained: true, trainSubtrees: true });
 * ```
 */
export interface SSTItersOptions extends TextItersOptions, SSTSplitsOptions {}

const LABELS = ['negative', 'negative', 'neutral', 'positive', 'positive'];

/**
 * The Stanford Sentiment Treebank (classic torchtext's `SST`): movie-review sentences as PTB
 * trees whose every node carries a sentiment from 0 (very negative) to 4 (very positive).
 * Examples have `text` (the sentence's tokens, through `textField`) and `label` (the root's
 * sentiment as a word: `'negative'`/`'neutral'`/`'positive'`, or five classes with
 * `fineGrained`). `trainSubtrees` adds an example for every phrase of the training trees.
 * The classic binary task is the three-label set without the neutral sentences:
 * `filterPred: (ex) => ex.label !== 'neutral'`.
 *
 * `splits` downloads `trainDevTestTrees_PTB.zip` into `<root>/sst` (once) and reads
 * `trees/train.txt`, `dev.txt`, `test.txt`. Labels are mapped before the label field's own
 * processing (classic torchtext overwrote the field's `preprocessing` with the mapping instead).
 * A line that is not a well-formed tree throws {@link DatasetFormatError} with its file and line.
 *
 * @example
 * ```ts
 * const TEXT = new Field();
 * const LABEL = new Field({ sequential: false });
 * const [train, val, test] = await SST.splits(TEXT, LABEL, { fineGrained: true });
 * train.getItem(0).label; // 'positive'
 * ```
 */
export class SST extends Dataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['http://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip'];
  /** The folder under `root` (classic `name`). */
  static readonly folder: string = 'sst';
  /** The folder of the split files within it. */
  static readonly dirname: string = 'trees';
  /** The downloads (torchtext published no checksum for this archive). */
  static readonly resources: readonly TextDatasetResource[] = [{ url: SST.urls[0], extract: true, check: 'trees' }];

  override sortKey = (example: Example): number => (example.text as unknown[]).length;
  override name: string | undefined = 'sst';

  /**
   * Reads one SST tree file (classic `SST(path, text_field, label_field, ...)`).
   *
   * @example
   * ```ts
   * const dev = await SST.load('.data/sst/trees/dev.txt', new Field(), new Field({ sequential: false }));
   * ```
   */
  static async load(this: typeof SST, path: string, textField: RawField, labelField: RawField, options: SSTOptions = {}): Promise<SST> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const fields: FieldList = [
      ['text', textField],
      ['label', labelField],
    ];
    const pre = options.fineGrained ? 'very ' : '';
    const examples: Example[] = [];
    for await (const { text, number } of readLines(path, 'SST', 'the tree file')) {
      if (text.trim() === '') continue;
      let tree: Tree;
      try {
        tree = Tree.fromString(text);
      } catch (error) {
        if (!(error instanceof ExampleError)) throw error;
        throw new DatasetFormatError(`SST: ${path} line ${number}: expected a PTB tree such as '(3 (2 It) (4 works))': ${error.message}`, { file: path, line: number });
      }
      for (const node of options.subtrees ? tree.subtrees() : [tree]) {
        const index = /^[0-4]$/.test(node.label) ? Number(node.label) : -1;
        if (index < 0) {
          throw new DatasetFormatError(`SST: ${path} line ${number}: expected sentiment labels 0 to 4 on every node, got ${excerpt(node.label)} in ${excerpt(String(node))}`, {
            file: path,
            line: number,
          });
        }
        const label = index === 0 || index === 4 ? pre + LABELS[index] : LABELS[index];
        examples.push(Example.fromList([node.leaves().join(' '), label], fields));
      }
    }
    if (examples.length === 0) throw emptyFileError(path, 'SST', "one PTB tree a line, such as '(3 (2 It) (4 works))'");
    return new cls(examples, fields, { filterPred: options.filterPred });
  }

  /**
   * Downloads the archive into `<root>/sst` unless `trees/` is there; resolves with the folder of
   * the split files.
   *
   * @example
   * ```ts
   * await SST.download({ root: '/data/text' }); // '/data/text/sst/trees'
   * ```
   */
  static download(this: typeof SST, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadDatasetFolder(cls, source);
  }

  /**
   * Downloads SST if needed and loads its splits; resolves with the datasets of the splits asked
   * for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await SST.splits(TEXT, LABEL, { trainSubtrees: true });
   * ```
   */
  static async splits(this: typeof SST, textField: RawField, labelField: RawField, options: SSTSplitsOptions = {}): Promise<SST[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = 'train.txt', validation = 'dev.txt', test = 'test.txt', trainSubtrees = false, fineGrained = false, filterPred, ...source } = options;
    const path = await cls.download(source);
    return loadSplits('SST.splits', path, { train, validation, test }, (file, split) =>
      cls.load(file, textField, labelField, { subtrees: split === 'train' && trainSubtrees, fineGrained, filterPred }),
    );
  }

  /**
   * The quick start (classic `SST.iters`): a `Field` for the text and a non-sequential `Field`
   * for the label, `splits`, vocabularies built on the training split (with `vectors`), and a
   * {@link BucketIterator} per split.
   *
   * @example
   * ```ts
   * const [trainIter, valIter, testIter] = await SST.iters({ batchSize: 32 });
   * for (const batch of trainIter) batch.text; // Tensor [seq, 32]
   * ```
   */
  static async iters(this: typeof SST, options: SSTItersOptions = {}): Promise<BucketIterator<{ text: Tensor; label: Tensor }>[]> {
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
