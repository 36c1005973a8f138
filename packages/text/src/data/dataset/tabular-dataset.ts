import { join } from 'node:path';
import { homedir } from 'node:os';
import { ValueError } from '@dl/core';
import { ExampleError } from '../../errors/example-error';
import { TabularFormatError } from '../../errors/tabular-format-error';
import { Dataset, type DatasetOptions } from './dataset';
import { Example } from './example';
import { dictEntryPairs, type FieldDict, type FieldList, type FieldPair } from './fields-spec';
import { type CsvReaderParams, papaConfig, readCsvRows, readJsonLines } from './tabular-reader';

/**
 * The file formats {@link TabularDataset} reads (case-insensitive, as torchtext).
 *
 * @example
 * ```ts
 * const format: TabularFormat = 'tsv';
 * ```
 */
export type TabularFormat = 'csv' | 'tsv' | 'json' | 'CSV' | 'TSV' | 'JSON';

/** Options of {@link TabularDataset.load}. */
export interface TabularDatasetOptions extends DatasetOptions {
  /** Skip the first line (a header) of a CSV/TSV file read with a {@link FieldList}. @default false */
  skipHeader?: boolean;
  /** Parameters of the CSV/TSV reader (Python `csv.reader`'s). @default {} */
  csvReaderParams?: CsvReaderParams;
}

/** Options of {@link TabularDataset.splits}: the files, and {@link TabularDatasetOptions}. */
export interface TabularSplitsOptions extends TabularDatasetOptions {
  /** The folder holding the split files. */
  path: string;
  /** The training file name within `path`. @default none */
  train?: string | null;
  /** The validation file name within `path`. @default none */
  validation?: string | null;
  /** The test file name within `path`. @default none */
  test?: string | null;
  /** The file format. */
  format: TabularFormat;
  /** The fields, as for {@link TabularDataset.load}. */
  fields: FieldList | FieldDict;
  /** Accepted for torchtext's signature: the download root of datasets with a `download()` (unused here). @default '.data' */
  root?: string;
}

function expandUser(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

function fieldName(fields: FieldList, i: number): string {
  const n = fields[i]?.[0];
  return Array.isArray(n) ? n.join('/') : String(n);
}

/**
 * A dataset of a CSV, TSV or JSON-lines file (torchtext's `TabularDataset`): each row becomes an
 * {@link Example} through the fields. Loading is asynchronous (the file is streamed, so it never
 * has to fit in one string): `await TabularDataset.load(path, format, fields)`, or
 * `await TabularDataset.splits({ path, train, validation, test, format, fields })` for several
 * files at once.
 *
 * `fields` is a {@link FieldList} for CSV/TSV in column order (`[name, null]` skips a column),
 * or a {@link FieldDict} from JSON keys (dotted paths reach into objects) or CSV/TSV header
 * names to `[name, field]`.
 *
 * Malformed rows throw a {@link TabularFormatError} naming the file, line and field: bad quoting,
 * a row whose column count differs from the fields, a header without a requested column, a JSON
 * line that does not parse or lacks a key.
 *
 * @example
 * ```ts
 * const TEXT = new Field({ tokenize: 'spacy', lower: true });
 * const LABEL = new LabelField();
 * const [train, val, test] = await TabularDataset.splits({
 *   path: './data/', train: 'TRECtrain.tsv', validation: 'TRECval.tsv', test: 'TRECtest.tsv',
 *   format: 'tsv', fields: [['Text', TEXT], ['Label', LABEL]],
 * });
 * ```
 */
export class TabularDataset extends Dataset {
  /** The file the examples were read from. */
  path = '';

  /**
   * Reads `path` into a TabularDataset.
   *
   * @throws TabularFormatError for malformed rows or an unreadable file; ValueError for an unknown format.
   */
  static async load(path: string, format: TabularFormat, fields: FieldList | FieldDict, options: TabularDatasetOptions = {}): Promise<TabularDataset> {
    const fmt = typeof format === 'string' ? format.toLowerCase() : format;
    if (fmt !== 'csv' && fmt !== 'tsv' && fmt !== 'json') {
      throw new ValueError(`TabularDataset: format must be 'csv', 'tsv' or 'json', got ${JSON.stringify(format)}`);
    }
    const file = expandUser(path);
    const examples: Example[] = [];
    const isList = Array.isArray(fields);
    if (fmt === 'json') {
      if (isList) throw new ValueError(`TabularDataset: JSON files need fields as an object of JSON keys to [name, field] (a FieldDict), got a list`);
      await readJsonLines(file, (text, line) => {
        try {
          examples.push(Example.fromJSON(text, fields as FieldDict));
        } catch (e) {
          if (!(e instanceof ExampleError)) throw e;
          const key = /key '([^']*)'/.exec(e.message)?.[1];
          throw new TabularFormatError(`TabularDataset: ${file}, line ${line}${key ? `, field '${key}'` : ''}: ${e.message.replace(/^Example\.fromJSON: /, '')}`, file, line, key, { cause: e });
        }
      });
    } else {
      const config = papaConfig(file, fmt === 'tsv' ? '\t' : ',', options.csvReaderParams ?? {});
      if (!isList && options.skipHeader) {
        throw new ValueError(`TabularDataset: with fields as an object (by header name), a ${fmt.toUpperCase()} file's header is read for the column names, so skipHeader must be false`);
      }
      let fieldToIndex: Record<string, number> | undefined;
      let header = isList ? options.skipHeader === true : true;
      await readCsvRows(file, config, (row, line) => {
        if (header) {
          header = false;
          if (!isList) {
            fieldToIndex = {};
            for (const key of Object.keys(fields)) {
              const i = row.indexOf(key);
              if (i < 0) throw new TabularFormatError(`TabularDataset: ${file}, line ${line}: the header has no column '${key}' (columns: ${row.map((c) => `'${c}'`).join(', ')})`, file, line, key);
              fieldToIndex[key] = i;
            }
          }
          return;
        }
        if (isList) {
          const list = fields as FieldList;
          if (row.length !== list.length) {
            const which = row.length < list.length ? `field '${fieldName(list, row.length)}' has no value` : `column ${list.length + 1} has no field (add [name, null] to skip it)`;
            throw new TabularFormatError(`TabularDataset: ${file}, line ${line}: expected ${list.length} columns (${list.map((_, i) => fieldName(list, i)).join(', ')}), got ${row.length}: ${which}`, file, line, row.length < list.length ? fieldName(list, row.length) : undefined);
          }
          examples.push(Example.fromList(row, list));
        } else {
          const index = fieldToIndex!;
          for (const [key, i] of Object.entries(index)) {
            if (i >= row.length) throw new TabularFormatError(`TabularDataset: ${file}, line ${line}, field '${key}': the row has ${row.length} columns, the header puts '${key}' in column ${i + 1}`, file, line, key);
          }
          examples.push(Example.fromCSV(row, fields as FieldDict, index));
        }
      });
    }
    const pairs: FieldList = isList ? (fields as FieldList) : Object.values(fields as FieldDict).flatMap((entry) => dictEntryPairs(entry) as FieldPair[]);
    const ds = new TabularDataset(examples, pairs, { filterPred: options.filterPred });
    ds.path = file;
    return ds;
  }

  /**
   * Loads the train, validation and test files found in `path` (torchtext's
   * `TabularDataset.splits`): resolves to the datasets of the files given, in that order.
   *
   * @example
   * ```ts
   * const [train, test] = await TabularDataset.splits({ path: 'data', train: 'train.csv', test: 'test.csv', format: 'csv', fields });
   * ```
   */
  static async splits(options: TabularSplitsOptions): Promise<TabularDataset[]> {
    const { path, train, validation, test, format, fields, root: _root, ...rest } = options;
    if (typeof path !== 'string') throw new ValueError(`TabularDataset.splits: path must be the folder of the split files, got ${typeof path}`);
    const names = [train, validation, test].filter((n): n is string => typeof n === 'string');
    if (names.length === 0) throw new ValueError('TabularDataset.splits: give at least one of train, validation, test');
    return Promise.all(names.map((name) => TabularDataset.load(join(path, name), format, fields, rest)));
  }
}
