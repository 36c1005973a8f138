import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { readLines } from './internal/read-lines';

/**
 * Reads two line-aligned files of a translation corpus (`train.de`, `train.en`) into pairs of
 * trimmed lines, dropping the pairs where either side is empty, as classic torchtext's
 * `TranslationDataset`. Throws {@link DatasetFormatError} when the files have different numbers
 * of lines (torchtext silently stopped at the shorter, which hides a broken file),
 * {@link DatasetEmptyFileError} when no pair is left, {@link DatasetMissingFileError} for a
 * missing file.
 *
 * @example
 * ```ts
 * const pairs = await readParallelLines('.data/multi30k/val.de', '.data/multi30k/val.en');
 * pairs[0]; // ['Eine Gruppe von Männern lädt Baumwolle auf einen Lastwagen', 'A group of men are loading cotton onto a truck']
 * ```
 */
export async function readParallelLines(srcFile: string, trgFile: string, owner = 'readParallelLines'): Promise<Array<[string, string]>> {
  const src = readLines(srcFile, owner, 'the source file');
  const trg = readLines(trgFile, owner, 'the target file');
  const pairs: Array<[string, string]> = [];
  try {
    for (;;) {
      const [a, b] = await Promise.all([src.next(), trg.next()]);
      if (a.done || b.done) {
        if (a.done !== b.done) {
          const [longer, shorter, count] = a.done ? [trgFile, srcFile, b.value.number - 1] : [srcFile, trgFile, a.value.number - 1];
          throw new DatasetFormatError(
            `${owner}: ${longer} and ${shorter} must have one line per sentence pair, but ${shorter} ends after ${count} lines and ${longer} goes on`,
            { file: shorter, line: count },
          );
        }
        break;
      }
      const s = a.value.text.trim();
      const t = b.value.text.trim();
      if (s !== '' && t !== '') pairs.push([s, t]);
    }
  } finally {
    await Promise.all([src.return(undefined), trg.return(undefined)]);
  }
  if (pairs.length === 0) {
    throw new DatasetEmptyFileError(`${owner}: ${srcFile} and ${trgFile} are empty; expected sentence pairs, one a line`, { file: srcFile });
  }
  return pairs;
}
