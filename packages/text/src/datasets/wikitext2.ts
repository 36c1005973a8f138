import type { TextDatasetResource } from './download-text-dataset';
import { LanguageModelingDataset } from './language-modeling-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * WikiText-2 (classic torchtext's `WikiText2`): 2 million tokens of good and featured Wikipedia
 * articles, tokenized, rare words as `<unk>`, for language modeling. `splits(textField)`
 * downloads `wikitext-2-v1.zip` (MD5-checked) into `<root>/wikitext-2` once and reads
 * `wikitext-2/wiki.{train,valid,test}.tokens` as {@link LanguageModelingDataset}s; `iters`
 * returns BPTT iterators.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ lower: true });
 * const [train, val, test] = await WikiText2.splits(TEXT);
 * await TEXT.buildVocab(train);
 * const [trainIter] = BPTTIterator.splits([train, val, test], { batchSize: 20, bpttLen: 35 });
 * ```
 */
export class WikiText2 extends LanguageModelingDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-2-v1.zip'];
  static override readonly folder: string = 'wikitext-2';
  static override readonly dirname: string = 'wikitext-2';
  /** The download, with the MD5 later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: WikiText2.urls[0], md5: '542ccefacc6c27f945fb54453812b3cd', extract: true, check: 'wikitext-2' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'wiki.train.tokens', validation: 'wiki.valid.tokens', test: 'wiki.test.tokens' };
  override name: string | undefined = 'wikitext-2';
}
