import { DatasetFormatError } from '../errors/dataset-format-error';
import { emptyFileError, excerpt, readLines } from './internal/read-lines';

/**
 * Reads a JSON Lines file (SNLI's and MultiNLI's `.jsonl`: one JSON object a line), skipping
 * blank lines. Throws {@link DatasetFormatError} naming the file and line for a line that is not
 * a JSON object, {@link DatasetEmptyFileError} for a file without records.
 *
 * @example
 * ```ts
 * const records = await readJsonRecords('.data/snli/snli_1.0/snli_1.0_dev.jsonl');
 * records[0].gold_label; // 'neutral'
 * ```
 */
export async function readJsonRecords(file: string, owner = 'readJsonRecords'): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  for await (const { text, number } of readLines(file, owner, 'the JSON lines file')) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DatasetFormatError(`${owner}: ${file} line ${number}: expected a JSON object, got ${excerpt(text)} (${(error as Error).message})`, {
        file,
        line: number,
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DatasetFormatError(`${owner}: ${file} line ${number}: expected a JSON object, got ${excerpt(text)}`, { file, line: number });
    }
    records.push(value as Record<string, unknown>);
  }
  if (records.length === 0) throw emptyFileError(file, owner, 'one JSON object a line');
  return records;
}
