import type { TextDatasetResource } from './download-text-dataset';
import { LanguageModelingDataset } from './language-modeling-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * WikiText-103 (classic torchtext's `WikiText103`): 103 million tokens of Wikipedia articles, the
 * large sibling of {@link WikiText2}. `splits(textField)` downloads `wikitext-103-v1.zip`
 * (MD5-checked, 181 MB) into `<root>/wikitext-103` once and reads
 * `wikitext-103/wiki.{train,valid,test}.tokens`, streaming the 500 MB training file.
 *
 * @example
 * ```ts
 * const [trainIter, valIter, testIter] = await WikiText103.iters({ batchSize: 64, bpttLen: 70 });
 * ```
 */
export class WikiText103 extends LanguageModelingDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-103-v1.zip'];
  static override readonly folder: string = 'wikitext-103';
  static override readonly dirname: string = 'wikitext-103';
  /** The download, with the MD5 later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: WikiText103.urls[0], md5: '9ddaacaf6af0710eda8c456decff7832', extract: true, check: 'wikitext-103' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'wiki.train.tokens', validation: 'wiki.valid.tokens', test: 'wiki.test.tokens' };
  override name: string | undefined = 'wikitext-103';
}
