import { readFile } from 'node:fs/promises';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { emptyFileError, excerpt, requireFile } from './internal/read-lines';

/**
 * One TREC question: its label as written (`'LOC:city'`, coarse `LOC` and fine `city`) and its
 * text.
 *
 * @example
 * ```ts
 * const q: TRECQuestion = { label: 'HUM:ind', text: 'Who was Galileo ?' };
 * ```
 */
export interface TRECQuestion {
  label: string;
  text: string;
}

/**
 * Reads a TREC question file (`train_5500.label`, `TREC_10.label`: `<COARSE>:<fine> <question>`
 * a line). As classic torchtext, the one byte 0xF0 of the training file (`sister\xf0city`) is
 * read as a space. Blank lines are skipped. Throws {@link DatasetFormatError} naming the file and
 * line for a line that does not start with a `COARSE:fine` label and a space,
 * {@link DatasetEmptyFileError} for a file without questions.
 *
 * @example
 * ```ts
 * const questions = await readTRECQuestions('.data/trec/TREC_10.label');
 * questions[0]; // { label: 'NUM:dist', text: 'How far is it from Denver to Aspen ?' }
 * ```
 */
export async function readTRECQuestions(file: string, owner = 'readTRECQuestions'): Promise<TRECQuestion[]> {
  await requireFile(file, owner, 'the question file');
  const bytes = await readFile(file);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0xf0) bytes[i] = 0x20;
  const lines = bytes.toString('utf8').split(/\r\n|\r|\n/);
  const questions: TRECQuestion[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([A-Z]+:\S+) (.*)$/.exec(line);
    if (!m) {
      throw new DatasetFormatError(`${owner}: ${file} line ${i + 1}: expected '<COARSE>:<fine> <question>', got ${excerpt(line)}`, { file, line: i + 1 });
    }
    questions.push({ label: m[1], text: m[2] });
  });
  if (questions.length === 0) throw emptyFileError(file, owner, "questions such as 'HUM:ind Who was Galileo ?'");
  return questions;
}
