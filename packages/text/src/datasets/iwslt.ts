import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ValueError } from '@dl/core';
import { extractArchive } from '@dl/core/node';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { type DatasetLocation, DEFAULT_ROOT, downloadTextDataset, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { loadSplits } from './internal/splits';
import { cleanIWSLT } from './iwslt-clean';
import type { SplitFiles } from './text-dataset-options';
import { readPairs, TranslationDataset, type TranslationDatasetClass, type TranslationFields, type TranslationSplitsOptions } from './translation-dataset';

/**
 * Options of {@link IWSLT.splits}: the split prefixes (the language pair, `.de-en`, is appended),
 * where the dataset lives and comes from, and `filterPred`.
 *
 * @example
 * ```ts
 * await IWSLT.splits(['.de', '.en'], [DE, EN], { validation: 'IWSLT16.TED.dev2010', test: 'IWSLT16.TED.tst2013' });
 * ```
 */
export interface IWSLTSplitsOptions extends Omit<TranslationSplitsOptions, 'path'> {
  /** The training prefix. @default 'train' */
  train?: string | null;
  /** The validation prefix (`IWSLT16.TED.dev2010`, `tst2010` … `tst2014`). @default 'IWSLT16.TED.tst2013' */
  validation?: string | null;
  /** The test prefix. @default 'IWSLT16.TED.tst2014' */
  test?: string | null;
}

/** The language pairs of IWSLT 2016: English with each of these, both ways. */
const LANGUAGES = ['ar', 'cs', 'de', 'fr'];

/**
 * IWSLT 2016 (classic torchtext's `IWSLT`): TED talk transcripts and their translations, English
 * with Arabic, Czech, French or German, either way. The pair comes from `exts` (`['.de', '.en']`
 * is `de-en`). The data is IWSLT 2016's release (`2016-01.tgz`, MD5-checked; wit3.fbk.eu, where
 * classic torchtext fetched each pair's `<src>-<trg>.tgz`, serves it no more), downloaded into
 * `<root>/iwslt` from Google Drive as later torchtext releases did; the pair's archive inside it,
 * `2016-01/texts/<src>/<trg>/<src>-<trg>.tgz`, is extracted to `<root>/iwslt/<src>-<trg>`, the
 * classic layout. Before the first read the folder is cleaned ({@link cleanIWSLT}): the XML
 * dev/test sets and the tagged training files become plain text, one sentence a line.
 *
 * @example
 * ```ts
 * const DE = new Field({ tokenize: 'spacy', tokenizerLanguage: 'de' });
 * const EN = new Field({ tokenize: 'spacy' });
 * const [train, val, test] = await IWSLT.splits(['.de', '.en'], [DE, EN], {
 *   filterPred: (ex) => (ex.src as string[]).length <= 100 && (ex.trg as string[]).length <= 100,
 * });
 * ```
 */
export class IWSLT extends TranslationDataset {
  /** Classic torchtext's per-pair URL (`<src>`, `<trg>`, `<src>-<trg>`), kept for reference: the host is gone. */
  static readonly baseUrl: string = 'https://wit3.fbk.eu/archive/2016-01//texts/{}/{}/{}.tgz';
  /** Where the release is downloaded from (a Google Drive file). */
  static readonly urls: readonly string[] = ['https://drive.google.com/uc?id=1l5y6Giag9aRPwGtuZHswh3w5v3qEz8D8'];
  static override readonly folder: string = 'iwslt';
  /** The release's download (`check` is set per language pair). */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: IWSLT.urls[0], filename: '2016-01.tgz', md5: 'c393ed3fc2a1b0f004b3331043f615ae', extract: true, check: '2016-01' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'train', validation: 'IWSLT16.TED.tst2013', test: 'IWSLT16.TED.tst2014' };
  override name: string | undefined = 'iwslt';

  /**
   * The folder of a language pair (`<root>/iwslt/de-en`), downloaded and extracted unless there.
   * Throws `ValueError` for a pair IWSLT 2016 does not have.
   *
   * @example
   * ```ts
   * await IWSLT.downloadPair('de', 'en'); // '/abs/cwd/.data/iwslt/de-en'
   * ```
   */
  static downloadPair(this: DatasetLocation, src: string, trg: string, source: TextDatasetSource = {}): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return downloadPair(cls, src, trg, source);
  }

  /**
   * Converts a pair's XML and tagged files to plain text (classic `IWSLT.clean`); see {@link cleanIWSLT}.
   *
   * @example
   * ```ts
   * await IWSLT.clean('.data/iwslt/de-en');
   * ```
   */
  static clean(path: string): Promise<string[]> {
    return cleanIWSLT(path);
  }

  /**
   * Downloads the language pair if needed, cleans it before the first read, and loads the splits
   * asked for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await IWSLT.splits(['.en', '.fr'], [EN, FR]);
   * ```
   */
  static override async splits<D extends TranslationDataset>(
    this: TranslationDatasetClass<D>,
    exts: readonly [string, string],
    fields: TranslationFields,
    options: IWSLTSplitsOptions = {},
  ): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { train = cls.splitFiles.train, validation = cls.splitFiles.validation, test = cls.splitFiles.test, filterPred, ...source } = options;
    const [src, trg] = exts.map((ext) => ext.replace(/^\./, ''));
    const path = await downloadPair(cls, src, trg, source);
    const pair = `${src}-${trg}`;
    const prefixes = { train: withPair(train, pair), validation: withPair(validation, pair), test: withPair(test, pair) };
    for (const prefix of Object.values(prefixes)) {
      if (typeof prefix === 'string' && !(await exists(join(path, prefix) + exts[0]))) {
        await cleanIWSLT(path);
        break;
      }
    }
    return loadSplits('IWSLT.splits', path, prefixes, (prefix) => readPairs(cls, prefix, exts, fields, { filterPred }));
  }
}

/** Downloads IWSLT 2016 unless the pair's folder is there, and extracts the pair's archive. */
async function downloadPair(location: DatasetLocation, src: string, trg: string, source: TextDatasetSource): Promise<string> {
  const pairs = LANGUAGES.flatMap((l) => [`en-${l}`, `${l}-en`]);
  const pair = `${src}-${trg}`;
  if (!pairs.includes(pair)) throw new ValueError(`IWSLT: the language pair ${pair} is not in IWSLT 2016, whose pairs are ${pairs.join(', ')}`);
  const folder = resolve(source.root ?? DEFAULT_ROOT, location.folder);
  const path = join(folder, pair);
  if (await exists(path)) return path;
  const inner = `2016-01/texts/${src}/${trg}/${pair}.tgz`;
  const resources = location.resources.map((resource) => ({ ...resource, check: inner }));
  const downloaded = await downloadTextDataset('IWSLT', location.folder, resources, source);
  await extractArchive(join(downloaded, inner), downloaded);
  if (!(await exists(path))) throw new DatasetMissingFileError(`IWSLT: ${inner} was extracted into ${downloaded} but did not give ${pair}/`, { file: path });
  return path;
}

function withPair(prefix: string | null | undefined, pair: string): string | null | undefined {
  return typeof prefix === 'string' ? `${prefix}.${pair}` : prefix;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
