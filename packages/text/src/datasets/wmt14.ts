import type { TextDatasetResource } from './download-text-dataset';
import type { SplitFiles } from './text-dataset-options';
import { TranslationDataset } from './translation-dataset';

/**
 * WMT 2014 English–German (classic torchtext's `WMT14`) as Google Brain preprocessed it
 * (tokenized, BPE with 32,000 merges; 4.5 million training pairs). `exts` must be
 * `['.en', '.de']` or the reverse. `splits(exts, fields)` downloads `wmt16_en_de.tar.gz` from
 * Google Drive (through its download confirmation, MD5-checked) into `<root>/wmt14` once, and
 * reads `train.tok.clean.bpe.32000`, `newstest2013.tok.bpe.32000` and
 * `newstest2014.tok.bpe.32000`; the archive also holds newstest2009–2016 in raw, tokenized and
 * BPE forms, any of which can be named as a split.
 *
 * @example
 * ```ts
 * const EN = new Field({ initToken: '<s>', eosToken: '</s>' });
 * const DE = new Field({ initToken: '<s>', eosToken: '</s>' });
 * const [train, val, test] = await WMT14.splits(['.en', '.de'], [EN, DE], { test: 'newstest2015.tok.bpe.32000' });
 * ```
 */
export class WMT14 extends TranslationDataset {
  /** Where the archive is downloaded from (a Google Drive file). */
  static readonly urls: readonly string[] = ['https://drive.google.com/uc?export=download&id=0B_bZck-ksdkpM25jRUN2X2UxMm8'];
  static override readonly folder: string = 'wmt14';
  static override readonly dirname: string = '';
  /** The download, with the MD5 later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: WMT14.urls[0], filename: 'wmt16_en_de.tar.gz', md5: '874ab6bbfe9c21ec987ed1b9347f95ec', extract: true, check: 'train.tok.clean.bpe.32000.en' },
  ];
  static override readonly splitFiles: SplitFiles = {
    train: 'train.tok.clean.bpe.32000',
    validation: 'newstest2013.tok.bpe.32000',
    test: 'newstest2014.tok.bpe.32000',
  };
  override name: string | undefined = 'wmt14';
}
