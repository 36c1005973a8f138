import type { DatasetOptions } from '../data/dataset/dataset';
import type { Device } from '../data/fields/device';
import type { VocabOptions } from '../vocab/vocab';
import type { TextDatasetSource } from './download-text-dataset';

/**
 * The split files of a dataset's `splits`: a file name (or prefix) within the dataset's folder
 * for each split, or `null` to leave the split out; each dataset documents its defaults.
 *
 * @example
 * ```ts
 * await SST.splits(text, label, { validation: null }); // [train, test]
 * ```
 */
export interface SplitFiles {
  /** The training split's file. */
  train?: string | null;
  /** The validation split's file. */
  validation?: string | null;
  /** The test split's file. */
  test?: string | null;
}

/**
 * The options every dataset's `splits` takes: where it lives and comes from
 * ({@link TextDatasetSource}), which split files to read, and `filterPred`.
 *
 * @example
 * ```ts
 * const options: TextSplitsOptions = { root: '.data', test: null, filterPred: (ex) => ex.label !== 'neutral' };
 * ```
 */
export interface TextSplitsOptions extends TextDatasetSource, SplitFiles, DatasetOptions {}

/**
 * The options of the `iters` shortcuts: the batch size, the device, and pretrained vectors for
 * the text vocabulary (the rest goes to `splits`).
 *
 * @example
 * ```ts
 * const [train, val, test] = await SST.iters({ batchSize: 64, vectors: 'glove.6B.100d', fineGrained: true });
 * ```
 */
export interface TextItersOptions {
  /** Examples per batch. @default 32 */
  batchSize?: number;
  /**
   * Where batches go (`'cpu'`, `-1` or nothing: @dl computes on the current TensorFlow.js
   * backend). Classic torchtext's default `0` (the first GPU) has no meaning here. @default undefined
   */
  device?: Device;
  /** Pretrained vectors for the text field's vocab (an alias such as `'glove.6B.100d'` or loaded Vectors). @default undefined */
  vectors?: VocabOptions['vectors'];
}
