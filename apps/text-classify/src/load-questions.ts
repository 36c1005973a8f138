import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dataset, type Field, type LabelField, TREC } from '@dl/text';

/** The questions that ship with the app, in TREC's format (`COARSE:fine question ?` a line). */
export const EMBEDDED_QUESTIONS = fileURLToPath(new URL('../data/questions.label', import.meta.url));

/** TREC's two files, as `datasets.TREC` names them. */
export const TREC_FILES = { train: 'train_5500.label', test: 'TREC_10.label' } as const;

/** Seed of the split of the embedded questions (fixed, so every run tests on the same ones). */
export const SPLIT_SEED = 14;

/** The three parts of the data, and where they came from. */
export interface QuestionSplits {
  train: Dataset;
  valid: Dataset;
  test: Dataset;
  /** `'embedded'`, or the folder the TREC files were read from. */
  source: string;
}

/** Thrown when `--data` does not hold TREC's files; the message names where it looked. */
export class TRECFolderError extends Error {
  override name = 'TRECFolderError';
}

/** The folder holding TREC's two files: `dir` itself, or torchtext's layout `dir/trec`. */
export function findTRECFolder(dir: string): string {
  const candidates = [resolve(dir), resolve(dir, 'trec')];
  const found = candidates.find((d) => existsSync(join(d, TREC_FILES.train)) && existsSync(join(d, TREC_FILES.test)));
  if (found) return found;
  throw new TRECFolderError(
    `no TREC files in ${resolve(dir)}: expected ${TREC_FILES.train} and ${TREC_FILES.test} there or in its trec/ folder (torchtext's .data layout); ` +
      'they are at https://cogcomp.seas.upenn.edu/Data/QA/QC/',
  );
}

/**
 * Reads the questions through @dl/text's `datasets.TREC` with the given fields (coarse labels):
 *
 * - without `dataDir`, the embedded `data/questions.label`, split 70 / 15 / 15 into train,
 *   validation and test with `Dataset.split`, stratified by label, seeded with {@link SPLIT_SEED};
 * - with `dataDir`, TREC's `train_5500.label` (90 % train, 10 % validation, the same stratified,
 *   seeded split) and `TREC_10.label` (test), the files `TREC.splits` downloads.
 *
 * @example
 * ```ts
 * const { train, valid, test } = await loadQuestions(TEXT, LABEL);
 * ```
 */
export async function loadQuestions(text: Field, label: LabelField, dataDir?: string): Promise<QuestionSplits> {
  if (dataDir === undefined) {
    const all = await TREC.load(EMBEDDED_QUESTIONS, text, label);
    const [train, valid, test] = all.split([0.7, 0.15, 0.15], { stratified: true, randomState: SPLIT_SEED });
    return { train, valid, test, source: 'embedded' };
  }
  const folder = findTRECFolder(dataDir);
  // TREC.splits reads <root>/trec and downloads what is missing there; reading the two files
  // with TREC.load (what splits does per file) takes them from any folder and never downloads.
  const trainFile = await TREC.load(join(folder, TREC_FILES.train), text, label);
  const test = await TREC.load(join(folder, TREC_FILES.test), text, label);
  const [train, valid] = trainFile.split(0.9, { stratified: true, randomState: SPLIT_SEED });
  return { train, valid, test, source: folder };
}
