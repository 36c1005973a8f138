import { DatasetFormatError } from '../errors/dataset-format-error';
import { emptyFileError, excerpt, readLines } from './internal/read-lines';

/** Options of {@link readTaggedSentences}. */
export interface ReadTaggedSentencesOptions {
  /** What separates a line's columns. @default '\t' */
  separator?: string;
  /** Who reads, for error messages. @default 'readTaggedSentences' */
  owner?: string;
  /** The fewest columns a line may have (the number of fields it feeds). @default 1 */
  minColumns?: number;
  /** The file's encoding. @default 'utf8' */
  encoding?: BufferEncoding;
}

/**
 * Reads a column file (CoNLL style: one token a line, its columns split by `separator`, a blank
 * line after each sentence) into sentences, each a list of columns — `[[words], [tags], ...]` —
 * as classic torchtext's `SequenceTaggingDataset` does. Lines are trimmed first. Throws
 * {@link DatasetFormatError} naming the file and line when a line has another number of columns
 * than its sentence's first line or fewer than `minColumns`, {@link DatasetEmptyFileError} when
 * there is no sentence.
 *
 * @example
 * ```ts
 * // train.txt: "Confidence NN B-NP\nin IN B-PP\n\n..."
 * const sentences = await readTaggedSentences('.data/conll2000/train.txt', { separator: ' ' });
 * sentences[0]; // [['Confidence', 'in'], ['NN', 'IN'], ['B-NP', 'B-PP']]
 * ```
 */
export async function readTaggedSentences(file: string, options: ReadTaggedSentencesOptions = {}): Promise<string[][][]> {
  const separator = options.separator ?? '\t';
  const owner = options.owner ?? 'readTaggedSentences';
  const minColumns = options.minColumns ?? 1;
  const sentences: string[][][] = [];
  let columns: string[][] = [];
  let first = 0;
  for await (const { text, number } of readLines(file, owner, 'the tagged file', options.encoding)) {
    const line = text.trim();
    if (line === '') {
      if (columns.length) sentences.push(columns);
      columns = [];
      continue;
    }
    const values = line.split(separator);
    if (values.length < minColumns) {
      throw new DatasetFormatError(
        `${owner}: ${file} line ${number}: expected at least ${minColumns} columns separated by ${JSON.stringify(separator)} (one per field), got ${values.length} in ${excerpt(line)}`,
        { file, line: number },
      );
    }
    if (columns.length === 0) {
      columns = values.map(() => []);
      first = number;
    } else if (values.length !== columns.length) {
      throw new DatasetFormatError(
        `${owner}: ${file} line ${number}: expected ${columns.length} columns separated by ${JSON.stringify(separator)} (as line ${first}, where the sentence starts), got ${values.length} in ${excerpt(line)}`,
        { file, line: number },
      );
    }
    for (let i = 0; i < values.length; i++) columns[i].push(values[i]);
  }
  if (columns.length) sentences.push(columns);
  if (sentences.length === 0) throw emptyFileError(file, owner, `sentences of ${JSON.stringify(separator)}-separated columns`);
  return sentences;
}
