import { ValueError } from '@dl/core';
import type { RawField } from '../data/fields/raw-field';
import type { TextDatasetResource } from './download-text-dataset';
import { NLIDataset, type NLIDatasetClass, type NLISplitsOptions } from './nli-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * Options of {@link XNLI.splits}: those of {@link NLIDataset.splits} (XNLI has no training file
 * and no parses) and the genre and language fields.
 *
 * @example
 * ```ts
 * await XNLI.splits(TEXT, LABEL, { languageField: new Field({ sequential: false }) });
 * ```
 */
export interface XNLISplitsOptions extends Omit<NLISplitsOptions, 'train' | 'parseField'> {
  /** Read each pair's genre into `genre`. @default null */
  genreField?: RawField | null;
  /** Read each pair's language (`'en'`, `'fr'`, `'zh'`, ...) into `language`. @default null */
  languageField?: RawField | null;
}

/**
 * The Cross-lingual NLI corpus (classic torchtext's `XNLI`): MultiNLI's development and test
 * pairs translated into 15 languages; there is no training file (train on {@link MultiNLI}).
 * `splits(textField, labelField)` downloads `XNLI-1.0.zip` into `<root>/xnli` once and resolves
 * with `[validation, test]` (`xnli.dev.jsonl`, `xnli.test.jsonl`). It has no `iters`.
 *
 * @example
 * ```ts
 * const LANG = new Field({ sequential: false });
 * const [val, test] = await XNLI.splits(TEXT, LABEL, { languageField: LANG });
 * val.getItem(0).language; // 'ar'
 * ```
 */
export class XNLI extends NLIDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['http://www.nyu.edu/projects/bowman/xnli/XNLI-1.0.zip'];
  static override readonly folder: string = 'xnli';
  static override readonly dirname: string = 'XNLI-1.0';
  /** The download, with its current home as a mirror (torchtext published no checksum). */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: XNLI.urls[0], mirrors: ['https://cims.nyu.edu/~sbowman/xnli/XNLI-1.0.zip'], extract: true, check: 'XNLI-1.0' },
  ];
  static override readonly splitFiles: SplitFiles = { validation: 'xnli.dev.jsonl', test: 'xnli.test.jsonl' };
  override name: string | undefined = 'xnli';

  /**
   * Downloads XNLI if needed and loads `[validation, test]` (those not `null`).
   *
   * @example
   * ```ts
   * const [val, test] = await XNLI.splits(TEXT, LABEL, { genreField: GENRE });
   * ```
   */
  static override splits<D extends NLIDataset>(this: NLIDatasetClass<D>, textField: RawField, labelField: RawField, options: XNLISplitsOptions = {}): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { genreField = null, languageField = null, extraFields = {}, ...rest } = options;
    const extra = { ...extraFields, ...(genreField ? { genre: ['genre', genreField] as const } : {}), ...(languageField ? { language: ['language', languageField] as const } : {}) };
    return NLIDataset.splits.call(cls, textField, labelField, { ...rest, train: null, extraFields: extra }) as Promise<D[]>;
  }

  /**
   * Classic torchtext's `XNLI.iters` raised NotImplementedError; so does this (a `ValueError`).
   *
   * @example
   * ```ts
   * await XNLI.iters(); // throws: use XNLI.splits
   * ```
   */
  static override async iters(): Promise<never> {
    throw new ValueError('XNLI.iters: XNLI has no training split to build vocabularies on; use XNLI.splits with fields whose vocab you build on MultiNLI');
  }
}
