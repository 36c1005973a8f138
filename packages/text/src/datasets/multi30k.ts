import type { TextDatasetResource } from './download-text-dataset';
import type { SplitFiles } from './text-dataset-options';
import { TranslationDataset } from './translation-dataset';

const WMT16 = 'http://www.quest.dcs.shef.ac.uk/wmt16_files_mmt/';

/**
 * Multi30k (classic torchtext's `Multi30k`), the WMT 2016 multimodal translation task: Flickr30k
 * image captions in English and German (29,000 training, 1,014 validation and 1,000 test pairs;
 * the test set has French and Czech too). `splits(exts, fields)` downloads the three archives
 * into `<root>/multi30k` once (the training and validation ones SHA-256-checked with the digests
 * of later torchtext releases) and reads `train`, `val` and `test2016` with the extensions given.
 *
 * @example
 * ```ts
 * const DE = new Field({ tokenize: 'spacy', tokenizerLanguage: 'de', initToken: '<sos>', eosToken: '<eos>', lower: true });
 * const EN = new Field({ tokenize: 'spacy', initToken: '<sos>', eosToken: '<eos>', lower: true });
 * const [train, val, test] = await Multi30k.splits(['.de', '.en'], [DE, EN]);
 * train.getItem(0).src; // ['zwei', 'junge', 'weiße', 'männer', ...]
 * ```
 */
export class Multi30k extends TranslationDataset {
  /** Where the three archives are downloaded from. */
  static readonly urls: readonly string[] = [`${WMT16}training.tar.gz`, `${WMT16}validation.tar.gz`, 'http://www.quest.dcs.shef.ac.uk/wmt17_files_mmt/mmt_task1_test2016.tar.gz'];
  static override readonly folder: string = 'multi30k';
  static override readonly dirname: string = '';
  /** The downloads; each archive holds its split's files at its top (`train.de`, `train.en`, ...). */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: Multi30k.urls[0], sha256: '20140d013d05dd9a72dfde46478663ba05737ce983f478f960c1123c6671be5e', extract: true, check: 'train.en' },
    { url: Multi30k.urls[1], sha256: 'a7aa20e9ebd5ba5adce7909498b94410996040857154dab029851af3a866da8c', extract: true, check: 'val.en' },
    { url: Multi30k.urls[2], extract: true, check: 'test2016.en' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'train', validation: 'val', test: 'test2016' };
  override name: string | undefined = 'multi30k';
}
