import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DatasetEmptyFileError } from '../../errors/dataset-empty-file-error';
import { DatasetMissingFileError } from '../../errors/dataset-missing-file-error';

/** One line of a text file, without its line ending, and its 1-based number. */
export interface NumberedLine {
  text: string;
  number: number;
}

/**
 * Throws {@link DatasetMissingFileError} unless `file` is a file; `what` says which file it
 * should have been (`the train file`), `owner` who looked (`SST.splits`).
 */
export async function requireFile(file: string, owner: string, what: string): Promise<void> {
  let isFile = false;
  try {
    isFile = (await stat(file)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
  }
  if (!isFile) throw new DatasetMissingFileError(`${owner}: ${what} ${file} does not exist`, { file });
}

/**
 * The lines of a UTF-8 text file, streamed (WikiText-103's 500 MB would not fit one string).
 * Line endings are `\n`, `\r\n` or `\r`, as Python's universal newlines, which torchtext read with.
 */
export async function* readLines(file: string, owner: string, what: string, encoding: BufferEncoding = 'utf8'): AsyncGenerator<NumberedLine> {
  await requireFile(file, owner, what);
  const lines = createInterface({ input: createReadStream(file, { encoding }), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) yield { text, number: ++number };
  } finally {
    lines.close();
  }
}

/** The {@link DatasetEmptyFileError} for a file that held no examples. */
export function emptyFileError(file: string, owner: string, expected: string): DatasetEmptyFileError {
  return new DatasetEmptyFileError(`${owner}: ${file} is empty; expected ${expected}`, { file });
}

/** A line shortened for an error message. */
export function excerpt(text: string, max = 80): string {
  const quoted = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return quoted;
}
