import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { TabularFormatError } from '../../errors/tabular-format-error';

/** Python `csv.reader` parameters that {@link TabularDataset} passes on (camelCase or Python's names). */
export interface CsvReaderParams {
  /** The column separator. @default ',' for CSV, '\t' for TSV */
  delimiter?: string;
  /** The quote character. @default '"' */
  quoteChar?: string;
  /** Python's name for `quoteChar`. */
  quotechar?: string;
  /** The character that escapes a quote inside a quoted field. @default the quote itself (doubled quotes) */
  escapeChar?: string;
  /** Python's name for `escapeChar`. */
  escapechar?: string;
  /**
   * `'minimal'` (Python's `csv.QUOTE_MINIMAL`, 0): a field that starts with the quote character
   * is quoted; `'none'` (`csv.QUOTE_NONE`, 3): quotes are ordinary characters, for TSV files whose
   * text starts with quotes. @default 'minimal'
   */
  quoting?: 'minimal' | 'none' | 0 | 3;
}

/** A parsed row and the 1-based line it starts on. */
export interface Row<T> {
  value: T;
  line: number;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

const KNOWN = new Set(['delimiter', 'quoteChar', 'quotechar', 'escapeChar', 'escapechar', 'quoting']);

/** @internal The papaparse configuration for Python-style reader parameters. */
export function papaConfig(path: string, defaultDelimiter: string, params: CsvReaderParams): Papa.ParseConfig {
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) {
      throw new TabularFormatError(`TabularDataset: csvReaderParams '${key}' is not supported (supported: delimiter, quoteChar, escapeChar, quoting)`, path, 0, key);
    }
  }
  const quoting = params.quoting ?? 'minimal';
  if (quoting !== 'minimal' && quoting !== 'none' && quoting !== 0 && quoting !== 3) {
    throw new TabularFormatError(`TabularDataset: csvReaderParams.quoting must be 'minimal' (0) or 'none' (3), got ${JSON.stringify(quoting)}`, path, 0, 'quoting');
  }
  const quoteChar = quoting === 'none' || quoting === 3 ? '\u0000' : (params.quoteChar ?? params.quotechar ?? '"');
  const escapeChar = params.escapeChar ?? params.escapechar ?? quoteChar;
  return { delimiter: params.delimiter ?? defaultDelimiter, quoteChar, escapeChar, header: false, skipEmptyLines: false };
}

/**
 * @internal Streams the rows of a CSV/TSV file through papaparse (the file never has to fit in
 * one string): calls `onRow` with each non-blank row and the line it starts on. Rejects with a
 * TabularFormatError naming the file and line of malformed quoting.
 */
export function readCsvRows(path: string, config: Papa.ParseConfig, onRow: (row: string[], line: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let failed = false;
    const stream = createReadStream(path, { encoding: 'utf8' });
    stream.on('error', (e) => {
      failed = true;
      reject(new TabularFormatError(`TabularDataset: cannot read '${path}': ${e.message}`, path, 0, undefined, { cause: e }));
    });
    Papa.parse<string[]>(stream as unknown as File, {
      ...config,
      chunk(results, parser) {
        if (failed) return;
        const bad = results.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
        const rows = results.data;
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r]!;
          if (bad && bad.row === r) {
            failed = true;
            parser.abort();
            const hint = bad.code === 'InvalidQuotes' || bad.code === 'MissingQuotes' ? " (a field that starts with a quote must end with one; pass csvReaderParams: { quoting: 'none' } if quotes are plain text)" : '';
            reject(new TabularFormatError(`TabularDataset: ${path}, line ${line}: malformed row: ${bad.message}${hint}`, path, line));
            return;
          }
          const start = line;
          let n = 1;
          for (const v of row) if (v.includes('\n')) n += countNewlines(v);
          line += n;
          if (row.length === 1 && row[0] === '') continue;
          try {
            onRow(row, start);
          } catch (e) {
            failed = true;
            parser.abort();
            reject(e);
            return;
          }
        }
      },
      complete() {
        if (!failed) resolve();
      },
      error(e: Error) {
        if (failed) return;
        failed = true;
        reject(new TabularFormatError(`TabularDataset: cannot read '${path}': ${e.message}`, path, line, undefined, { cause: e }));
      },
    });
  });
}

/** @internal Streams the lines of a JSON-lines file; `onLine` gets each non-blank line and its number. */
export async function readJsonLines(path: string, onLine: (text: string, line: number) => void): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new TabularFormatError(`TabularDataset: cannot read '${path}': ${e.message}`, path, 0, undefined, { cause: e })));
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      onLine(text, n);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
