import type { TextDatasetResource } from './download-text-dataset';
import { NLIDataset } from './nli-dataset';
import type { SplitFiles } from './text-dataset-options';

/**
 * The Stanford Natural Language Inference corpus (classic torchtext's `SNLI`): 570,000 image
 * caption pairs labeled entailment, contradiction or neutral. `splits(textField, labelField)`
 * downloads `snli_1.0.zip` into `<root>/snli` once and reads `snli_1.0/snli_1.0_{train,dev,test}.jsonl`
 * as {@link NLIDataset}s (pairs without a gold label left out).
 *
 * @example
 * ```ts
 * const TEXT = new ParsedTextField({ lower: true });
 * const TRANSITIONS = new ShiftReduceField();
 * const LABEL = new Field({ sequential: false });
 * const [train, val, test] = await SNLI.splits(TEXT, LABEL, { parseField: TRANSITIONS });
 * train.getItem(0).premise_transitions; // ['shift', 'shift', 'reduce', ...]
 * ```
 */
export class SNLI extends NLIDataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = ['http://nlp.stanford.edu/projects/snli/snli_1.0.zip'];
  static override readonly folder: string = 'snli';
  static override readonly dirname: string = 'snli_1.0';
  /** The download (torchtext published no checksum for this archive). */
  static override readonly resources: readonly TextDatasetResource[] = [{ url: SNLI.urls[0], extract: true, check: 'snli_1.0' }];
  static override readonly splitFiles: SplitFiles = { train: 'snli_1.0_train.jsonl', validation: 'snli_1.0_dev.jsonl', test: 'snli_1.0_test.jsonl' };
  override name: string | undefined = 'snli';
}
