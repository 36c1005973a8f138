// torchtext's classic `datasets` module (torchtext.datasets up to 0.8, torchtext.legacy.datasets
// in 0.9-0.11): the NLP datasets with `splits`/`iters`, their bases, fields and file readers, and
// the download plumbing they share (Node-only: files, HTTP).
export { DatasetFormatError, type DatasetFormatErrorDetails } from '../errors/dataset-format-error';
export { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
export { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
// Downloads
export {
  DEFAULT_ROOT as DATASETS_DEFAULT_ROOT,
  MIRROR_ENV as DATASETS_MIRROR_ENV,
  downloadTextDataset,
  downloadDatasetFolder,
  mirrorUrl,
  type TextDatasetResource,
  type TextDatasetSource,
  type DatasetLocation,
} from './download-text-dataset';
export { downloadFromGoogleDrive, type GoogleDriveDownloadOptions } from './google-drive';
export type { SplitFiles, TextSplitsOptions, TextItersOptions } from './text-dataset-options';
// File readers
export { parseBABI, readBABIFile, type BABIQuestion, type ParseBABIOptions } from './babi-stories';
export { readTaggedSentences, type ReadTaggedSentencesOptions } from './tagged-sentences';
export { cleanIWSLT, IWSLT_XML_TAGS } from './iwslt-clean';
export { readIMDBReviews, type IMDBReview } from './imdb-reviews';
export { readTRECQuestions, type TRECQuestion } from './trec-questions';
export { readJsonRecords } from './json-records';
export { readParallelLines } from './parallel-lines';
// Bases
export {
  LanguageModelingDataset,
  type LanguageModelingOptions,
  type LanguageModelingSplitsOptions,
  type LanguageModelingItersOptions,
  type LanguageModelingDatasetClass,
} from './language-modeling-dataset';
export { TranslationDataset, type TranslationFields, type TranslationSplitsOptions, type TranslationDatasetClass } from './translation-dataset';
export {
  SequenceTaggingDataset,
  type SequenceTaggingOptions,
  type SequenceTaggingSplitsOptions,
  type SequenceTaggingDatasetClass,
} from './sequence-tagging-dataset';
export { NLIDataset, type NLISplitsOptions, type NLIItersOptions, type NLIDatasetClass } from './nli-dataset';
export { ShiftReduceField } from './shift-reduce-field';
export { ParsedTextField, type ParsedTextFieldOptions } from './parsed-text-field';
export { BABI20Field } from './babi20-field';
// Datasets, as the seed's table lists them
export { BABI20, type BABI20Options, type BABI20SplitsOptions, type BABI20ItersOptions } from './babi20';
export { SST, type SSTOptions, type SSTSplitsOptions, type SSTItersOptions } from './sst';
export { IMDB, type IMDBSplitsOptions, type IMDBItersOptions } from './imdb';
export { TREC, type TRECOptions, type TRECSplitsOptions, type TRECItersOptions } from './trec';
export { SNLI } from './snli';
export { MultiNLI, type MultiNLISplitsOptions } from './multi-nli';
export { XNLI, type XNLISplitsOptions } from './xnli';
export { WikiText2 } from './wikitext2';
export { WikiText103 } from './wikitext103';
export { PennTreebank } from './penn-treebank';
export { WMT14 } from './wmt14';
export { IWSLT, type IWSLTSplitsOptions } from './iwslt';
export { Multi30k } from './multi30k';
export { UDPOS } from './udpos';
export { CoNLL2000Chunking, type CoNLL2000ChunkingSplitsOptions } from './conll2000-chunking';
