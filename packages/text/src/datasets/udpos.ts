import type { TextDatasetResource } from './download-text-dataset';
import { SequenceTaggingDataset } from './sequence-tagging-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * Universal Dependencies English Web Treebank v2 part-of-speech tags (classic torchtext's
 * `UDPOS`): 12,543 training, 2,002 validation and 2,077 test sentences, each token with its
 * universal tag and its Penn Treebank tag (`word\tUPOS\tPTB` lines). `splits(fields)` downloads
 * `en-ud-v2.zip` (MD5-checked) into `<root>/udpos` once and reads
 * `en-ud-v2/en-ud-tag.v2.{train,dev,test}.txt`. License: CC BY-SA 4.0.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ lower: true });
 * const UD_TAG = new Field({ unkToken: null });
 * const PTB_TAG = new Field({ unkToken: null });
 * const [train, val, test] = await UDPOS.splits([['text', TEXT], ['udtags', UD_TAG], ['ptbtags', PTB_TAG]]);
 * train.getItem(0).udtags; // ['PROPN', 'PUNCT', 'PROPN', ...]
 * ```
 */
export class UDPOS extends SequenceTaggingDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['https://bitbucket.org/sivareddyg/public/downloads/en-ud-v2.zip'];
  static override readonly folder: string = 'udpos';
  static override readonly dirname: string = 'en-ud-v2';
  /** The download, with the MD5 later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: UDPOS.urls[0], md5: 'bdcac7c52d934656bae1699541424545', extract: true, check: 'en-ud-v2' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'en-ud-tag.v2.train.txt', validation: 'en-ud-tag.v2.dev.txt', test: 'en-ud-tag.v2.test.txt' };
  override name: string | undefined = 'udpos';
}
