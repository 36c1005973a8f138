import type { RawField } from '../data/fields/raw-field';
import type { TextDatasetResource } from './download-text-dataset';
import { NLIDataset, type NLIDatasetClass, type NLISplitsOptions } from './nli-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * Options of {@link MultiNLI.splits}: those of {@link NLIDataset.splits} and the genre field.
 *
 * @example
 * ```ts
 * await MultiNLI.splits(TEXT, LABEL, { genreField: new Field({ sequential: false }) });
 * ```
 */
export interface MultiNLISplitsOptions extends NLISplitsOptions {
  /** Read each pair's genre (`'fiction'`, `'government'`, `'telephone'`, ...) into `genre`. @default null */
  genreField?: RawField | null;
}

/**
 * The Multi-Genre NLI corpus (classic torchtext's `MultiNLI`): 433,000 sentence pairs from ten
 * genres of spoken and written English. `splits(textField, labelField)` downloads
 * `multinli_1.0.zip` (MD5-checked; from nyu.edu, then its current home at cims.nyu.edu) into
 * `<root>/multinli` once and reads the training file, the matched development set (genres of the
 * training set) as validation and the mismatched one (other genres) as test.
 *
 * @example
 * ```ts
 * const GENRE = new Field({ sequential: false });
 * const [train, matched, mismatched] = await MultiNLI.splits(TEXT, LABEL, { genreField: GENRE });
 * train.getItem(0).genre; // 'government'
 * ```
 */
export class MultiNLI extends NLIDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['http://www.nyu.edu/projects/bowman/multinli/multinli_1.0.zip'];
  static override readonly folder: string = 'multinli';
  static override readonly dirname: string = 'multinli_1.0';
  /** The download, with its current home as a mirror and the MD5 later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    {
      url: MultiNLI.urls[0],
      mirrors: ['https://cims.nyu.edu/~sbowman/multinli/multinli_1.0.zip'],
      md5: '0f70aaf66293b3c088a864891db51353',
      extract: true,
      check: 'multinli_1.0',
    },
  ];
  static override readonly splitFiles: SplitFiles = {
    train: 'multinli_1.0_train.jsonl',
    validation: 'multinli_1.0_dev_matched.jsonl',
    test: 'multinli_1.0_dev_mismatched.jsonl',
  };
  override name: string | undefined = 'multinli';

  /**
   * Downloads MultiNLI if needed and loads `[train, matched, mismatched]` (those not `null`).
   *
   * @example
   * ```ts
   * const [train, val] = await MultiNLI.splits(TEXT, LABEL, { test: null });
   * ```
   */
  static override splits<D extends NLIDataset>(this: NLIDatasetClass<D>, textField: RawField, labelField: RawField, options: MultiNLISplitsOptions = {}): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { genreField = null, extraFields = {}, ...rest } = options;
    return NLIDataset.splits.call(cls, textField, labelField, { ...rest, extraFields: genreField ? { genre: ['genre', genreField], ...extraFields } : extraFields }) as Promise<D[]>;
  }
}
