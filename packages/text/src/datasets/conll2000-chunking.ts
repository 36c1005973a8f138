import { ValueError } from '@dl/core';
import type { FieldList } from '../data/dataset/fields-spec';
import type { TextDatasetResource } from './download-text-dataset';
import { PythonRandom } from './internal/python-random';
import { type SequenceTaggingDatasetClass, SequenceTaggingDataset, type SequenceTaggingSplitsOptions } from './sequence-tagging-dataset';
import type { SplitFiles } from './text-dataset-options';

const BASE = 'https://www.clips.uantwerpen.be/conll2000/chunking/';

/**
 * Options of {@link CoNLL2000Chunking.splits}: the two files, the share of the training file held
 * out for validation, and those of {@link SequenceTaggingDataset.splits}.
 *
 * @example
 * ```ts
 * await CoNLL2000Chunking.splits(fields, { validationFrac: 0.2 });
 * ```
 */
export interface CoNLL2000ChunkingSplitsOptions extends Omit<SequenceTaggingSplitsOptions, 'validation'> {
  /** The training file. @default 'train.txt' */
  train?: string | null;
  /** The test file. @default 'test.txt' */
  test?: string | null;
  /** The share of the training sentences that become the validation split (0 < frac < 1). @default 0.1 */
  validationFrac?: number;
}

/**
 * The CoNLL-2000 chunking task (classic torchtext's `CoNLL2000Chunking`): Wall Street Journal
 * sentences, each token with its part of speech and its chunk tag (`word POS chunk` lines,
 * space-separated). `splits(fields)` downloads `train.txt.gz` and `test.txt.gz` (MD5-checked)
 * into `<root>/conll2000` once and decompresses them. There is no validation file: as classic
 * torchtext, `validationFrac` of the training sentences are drawn at random with Python's
 * `random.seed(0)` — the same generator, so the same sentences as torchtext — and
 * `[train, validation, test]` is returned, the first two in the shuffled order torchtext gave.
 *
 * @example
 * ```ts
 * const WORD = new Field();
 * const POS = new Field({ unkToken: null });
 * const CHUNK = new Field({ unkToken: null });
 * const [train, val, test] = await CoNLL2000Chunking.splits([['text', WORD], ['pos', POS], ['chunk', CHUNK]]);
 * ```
 */
export class CoNLL2000Chunking extends SequenceTaggingDataset {
  /** Where the two files are downloaded from. */
  static readonly urls: readonly string[] = [`${BASE}train.txt.gz`, `${BASE}test.txt.gz`];
  static override readonly folder: string = 'conll2000';
  static override readonly dirname: string = '';
  /** The downloads, decompressed after download, with the MD5s later torchtext releases published. */
  static override readonly resources: readonly TextDatasetResource[] = [
    { url: `${BASE}train.txt.gz`, md5: '6969c2903a1f19a83569db643e43dcc8', extract: true, check: 'train.txt' },
    { url: `${BASE}test.txt.gz`, md5: 'a916e1c2d83eb3004b38fc6fcd628939', extract: true, check: 'test.txt' },
  ];
  static override readonly splitFiles: SplitFiles = { train: 'train.txt', test: 'test.txt' };
  static override readonly separator: string = ' ';
  override name: string | undefined = 'conll2000';

  /**
   * Downloads CoNLL-2000 if needed and loads `[train, validation, test]`, the validation split
   * drawn from the training file (without `train`, just `[test]`).
   *
   * @example
   * ```ts
   * const [train, val, test] = await CoNLL2000Chunking.splits(fields, { validationFrac: 0.1 });
   * ```
   */
  static override async splits<D extends SequenceTaggingDataset>(
    this: SequenceTaggingDatasetClass<D>,
    fields: FieldList,
    options: CoNLL2000ChunkingSplitsOptions = {},
  ): Promise<D[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { validationFrac = 0.1, ...rest } = options;
    if (!(validationFrac > 0 && validationFrac < 1)) {
      throw new ValueError(`${cls.name}.splits: validationFrac must be between 0 and 1 (exclusive), got ${validationFrac}`);
    }
    const loaded = (await SequenceTaggingDataset.splits.call(cls, fields, { ...rest, validation: null })) as D[];
    const hasTrain = (options.train === undefined ? cls.splitFiles.train : options.train) !== null;
    if (!hasTrain) return loaded;
    const [train, ...test] = loaded;
    // torchtext: random.seed(0); train.split(1 - validation_frac, random_state=random.getstate()).
    const order = new PythonRandom(0).sampleAll(train.examples);
    const trainLength = roundHalfEven((1 - validationFrac) * order.length);
    const [trainPart, valPart] = [order.slice(0, trainLength), order.slice(trainLength)].map((examples) => new cls(examples, train.fields));
    return [trainPart, valPart, ...test];
  }
}

/** Python 3's `round(x)`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
