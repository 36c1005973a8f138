import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Tensor, ValueError } from '@dl/core';
import { Dataset, type DatasetOptions, type FieldMap } from '../data/dataset/dataset';
import { Example } from '../data/dataset/example';
import type { FieldList } from '../data/dataset/fields-spec';
import type { Device } from '../data/fields/device';
import type { RawField } from '../data/fields/raw-field';
import { Iterator } from '../data/iterators/iterator';
import { readBABIFile } from './babi-stories';
import { BABI20Field } from './babi20-field';
import { downloadTextDataset, type TextDatasetResource, type TextDatasetSource } from './download-text-dataset';
import { requireFile } from './internal/read-lines';
import { loadSplits, positiveInteger } from './internal/splits';
import type { TextSplitsOptions } from './text-dataset-options';

/**
 * Options of {@link BABI20.load}.
 *
 * @example
 * ```ts
 * await BABI20.load('.data/tasks_1-20_v1-2/en-valid/qa2_test.txt', TEXT, { onlySupporting: true });
 * ```
 */
export interface BABI20Options extends DatasetOptions {
  /** A question's story is only its supporting facts, not every sentence before it. @default false */
  onlySupporting?: boolean;
}

/**
 * Options of {@link BABI20.splits}: the task, its files, the version and the story.
 *
 * @example
 * ```ts
 * await BABI20.splits(TEXT, { task: 3, tenK: true, onlySupporting: true });
 * ```
 */
export interface BABI20SplitsOptions extends TextSplitsOptions {
  /** Read the task files from this folder instead of downloading bAbI. @default `<root>/tasks_1-20_v1-2/en-valid` (or `en-valid-10k`) */
  path?: string;
  /** The task, 1 to 20. @default 1 */
  task?: number;
  /** Train and validate on all 20 tasks together (`all_train.txt`, `all_valid.txt`, written once); test stays on `task`. @default false */
  joint?: boolean;
  /** The 10,000-questions-per-task version instead of the 1,000 one. @default false */
  tenK?: boolean;
  /** See {@link BABI20Options.onlySupporting}. @default false */
  onlySupporting?: boolean;
  /** The training file. @default `qa<task>_train.txt` (`all_train.txt` with `joint`) */
  train?: string | null;
  /** The validation file. @default `qa<task>_valid.txt` (`all_valid.txt` with `joint`) */
  validation?: string | null;
  /** The test file. @default `qa<task>_test.txt` */
  test?: string | null;
}

/**
 * Options of {@link BABI20.iters}: the batching and those of {@link BABI20.splits}.
 *
 * @example
 * ```ts
 * await BABI20.iters({ batchSize: 32, memorySize: 50, task: 2, joint: true });
 * ```
 */
export interface BABI20ItersOptions extends BABI20SplitsOptions {
  /** Questions per batch. @default 32 */
  batchSize?: number;
  /** The story sentences a batch keeps (the {@link BABI20Field}'s `memorySize`). @default 50 */
  memorySize?: number;
  /** Sort the examples by `sortKey` (the question's length). @default false */
  sort?: boolean;
  /** Shuffle the examples each epoch. @default false */
  shuffle?: boolean;
  /** Where batches go (`'cpu'`, `-1` or nothing). @default undefined */
  device?: Device;
}

const ARCHIVE = 'tasks_1-20_v1-2';

/**
 * The bAbI tasks (classic torchtext's `BABI20`): 20 question-answering tasks over short stories
 * (single and multiple supporting facts, counting, path finding, ...), in the 1k or 10k
 * questions-per-task version with validation splits (`en-valid`, `en-valid-10k`). Examples have
 * `story` (the sentences before the question, or only its supporting facts), `query` and
 * `answer`, all through `textField` (a {@link BABI20Field} for memory networks). `sortKey` is
 * the question's length.
 *
 * `splits` downloads `tasks_1-20_v1-2.tar.gz` into `root` itself once (classic torchtext's
 * layout; from the original host, then dl.fbaipublicfiles.com), and reads
 * `tasks_1-20_v1-2/en-valid[-10k]/qa<task>_{train,valid,test}.txt`. Unlike classic torchtext,
 * whose `splits` dropped it, `onlySupporting` is honored. See {@link parseBABI} for the format
 * and its errors.
 *
 * @example
 * ```ts
 * const TEXT = new BABI20Field(50);
 * const [train, val, test] = await BABI20.splits(TEXT, { task: 1 });
 * train.getItem(0); // { story: [['Mary', 'moved', 'to', 'the', 'bathroom'], ...], query: ['Where', 'is', 'Mary'], answer: ['bathroom'] }
 * ```
 */
export class BABI20 extends Dataset {
  /** Where the archive is downloaded from. */
  static readonly urls: readonly string[] = [`http://www.thespermwhale.com/jaseweston/babi/${ARCHIVE}.tar.gz`];
  /** bAbI lives in `root` itself (classic `name` is empty). */
  static readonly folder: string = '';
  /** The download, with Facebook's copy as a mirror (torchtext published no checksum). */
  static readonly resources: readonly TextDatasetResource[] = [
    { url: BABI20.urls[0], mirrors: [`https://dl.fbaipublicfiles.com/babi/${ARCHIVE}.tar.gz`], extract: true, check: ARCHIVE },
  ];

  override sortKey = (example: Example): number => (example.query as unknown[]).length;
  override name: string | undefined = 'babi20';

  /**
   * Reads one task file (classic `BABI20(path, text_field, only_supporting)`); the three fields
   * `story`, `query` and `answer` share `textField`.
   *
   * @example
   * ```ts
   * const test = await BABI20.load('.data/tasks_1-20_v1-2/en-valid/qa1_test.txt', new BABI20Field(50));
   * ```
   */
  static async load(this: typeof BABI20, path: string, textField: RawField, options: BABI20Options = {}): Promise<BABI20> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    return readTask(cls, path, textField, options);
  }

  /**
   * Downloads and extracts the archive into `root` unless `tasks_1-20_v1-2/` is there; resolves
   * with the folder of the chosen version's task files.
   *
   * @example
   * ```ts
   * await BABI20.download({}, true); // '/abs/cwd/.data/tasks_1-20_v1-2/en-valid-10k'
   * ```
   */
  static async download(this: typeof BABI20, source: TextDatasetSource = {}, tenK = false): Promise<string> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const folder = await downloadTextDataset('BABI20', cls.folder, cls.resources, source);
    return join(folder, ARCHIVE, tenK ? 'en-valid-10k' : 'en-valid');
  }

  /**
   * Downloads bAbI if needed and loads a task's splits; resolves with the datasets of the splits
   * asked for, in the order train, validation, test.
   *
   * @example
   * ```ts
   * const [train, val, test] = await BABI20.splits(TEXT, { task: 2, tenK: true });
   * ```
   */
  static async splits(this: typeof BABI20, textField: RawField, options: BABI20SplitsOptions = {}): Promise<BABI20[]> {
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const { path: given, task = 1, joint = false, tenK = false, onlySupporting = false, train, validation, test, filterPred, ...source } = options;
    if (!(Number.isInteger(task) && task >= 1 && task <= 20)) throw new ValueError(`BABI20.splits: task must be an integer from 1 to 20, got ${String(task)}`);
    const path = given ?? (await cls.download(source, tenK));
    const files = {
      train: train !== undefined ? train : joint ? await joinTasks(path, 'train') : `qa${task}_train.txt`,
      validation: validation !== undefined ? validation : joint ? await joinTasks(path, 'valid') : `qa${task}_valid.txt`,
      test: test !== undefined ? test : `qa${task}_test.txt`,
    };
    return loadSplits('BABI20.splits', path, files, (file) => readTask(cls, file, textField, { onlySupporting, filterPred }));
  }

  /**
   * The quick start (classic `BABI20.iters`): a {@link BABI20Field} of `memorySize`, `splits`,
   * the vocabulary of the training split, and an {@link Iterator} per split (neither sorted nor
   * shuffled unless asked).
   *
   * @example
   * ```ts
   * const [trainIter, valIter, testIter] = await BABI20.iters({ task: 1, batchSize: 32 });
   * for (const batch of trainIter) batch.story; // Tensor [32, 50, words]
   * ```
   */
  static async iters(this: typeof BABI20, options: BABI20ItersOptions = {}): Promise<Iterator<{ story: Tensor; query: Tensor; answer: Tensor }>[]> {
    const { batchSize = 32, memorySize = 50, sort = false, shuffle = false, device, ...splits } = options;
    positiveInteger('BABI20.iters', 'batchSize', batchSize);
    const TEXT = new BABI20Field(memorySize);
    // biome-ignore lint/complexity/noThisInStatic lint/complexity/noUselessThisAlias: a classmethod, as torchtext's: subclasses (and test doubles) override the statics read through it.
    const cls = this;
    const datasets = await cls.splits(TEXT, splits);
    await TEXT.buildVocab(datasets[0]);
    return Iterator.splits(datasets, { batchSize, sort, shuffle, device }) as Iterator<{ story: Tensor; query: Tensor; answer: Tensor }>[];
  }
}

type TaskClass<D> = new (examples: Iterable<Example>, fields: FieldList | FieldMap, options?: DatasetOptions) => D;

async function readTask<D>(cls: TaskClass<D>, path: string, textField: RawField, options: BABI20Options): Promise<D> {
  const fields: FieldList = [
    ['story', textField],
    ['query', textField],
    ['answer', textField],
  ];
  const questions = await readBABIFile(path, { onlySupporting: options.onlySupporting, owner: 'BABI20' });
  return new cls(
    questions.map(({ story, query, answer }) => Example.fromList([story, query, answer], fields)),
    fields,
    { filterPred: options.filterPred },
  );
}

/** Writes `all_<split>.txt`, the 20 tasks' files one after another, unless it is there; resolves with its name. */
async function joinTasks(path: string, split: 'train' | 'valid'): Promise<string> {
  const name = `all_${split}.txt`;
  const target = join(path, name);
  try {
    await access(target);
    return name;
  } catch {
    // Not written yet.
  }
  const parts: string[] = [];
  for (let task = 1; task <= 20; task++) {
    const file = join(path, `qa${task}_${split}.txt`);
    await requireFile(file, 'BABI20.splits', `task ${task}'s file`);
    parts.push(await readFile(file, 'utf8'));
  }
  const temp = `${target}.dl-part-${process.pid}`;
  try {
    await writeFile(temp, parts.join(''), 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return name;
}
