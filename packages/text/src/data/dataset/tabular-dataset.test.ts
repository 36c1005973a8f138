import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { classic } from '../../../test/support/classic';
import { TabularFormatError } from '../../errors/tabular-format-error';
import { Field } from '../fields/field';
import { LabelField } from '../fields/label-field';
import type { Example } from './example';
import { TabularDataset } from './tabular-dataset';

const dir = mkdtempSync(join(tmpdir(), 'dl-text-tabular-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const plain = (ds: TabularDataset) => ds.examples.map((e: Example) => ({ ...e }));
const F = new Field();
const L = new Field({ sequential: false });

describe('TabularDataset.load', () => {
  it("reads CSV with quotes, doubled quotes and newlines in fields as Python's csv does", async () => {
    const path = file('t.csv', classic.tabular.csv_text);
    const byList = await TabularDataset.load(path, 'csv', [['text', F], ['label', L]], { skipHeader: true });
    expect(plain(byList)).toEqual(classic.tabular.csv_list);
    const byHeader = await TabularDataset.load(path, 'CSV', { label: ['lab', L], text: ['txt', F] });
    expect(plain(byHeader)).toEqual(classic.tabular.csv_dict);
    expect(Object.keys(byHeader.fields)).toEqual(['lab', 'txt']);
    expect(byList.path).toBe(path);
  });

  it('reads TSV and JSON lines as torchtext', async () => {
    expect(plain(await TabularDataset.load(file('t.tsv', classic.tabular.tsv_text), 'tsv', [['text', F], ['label', L]]))).toEqual(classic.tabular.tsv);
    expect(plain(await TabularDataset.load(file('t.json', classic.tabular.json_text), 'json', { 'q.t': ['text', F], l: ['label', L] }))).toEqual(classic.tabular.json);
  });

  it('skips blank lines, reads CRLF files, skips [name, null] columns and applies filterPred', async () => {
    const path = file('crlf.tsv', 'a b\tX\tignored\r\n\r\nc\tY\tz\r\n');
    const ds = await TabularDataset.load(path, 'tsv', [['text', F], ['label', L], ['rest', null]], { filterPred: (e) => e.label !== 'Y' });
    expect(plain(ds)).toEqual([{ text: ['a', 'b'], label: 'X' }]);
  });

  it("treats quotes as text with csvReaderParams { quoting: 'none' }, and takes other delimiters", async () => {
    const path = file('q.tsv', '"Good Will Hunting" won what?\tHUM\nnext\tNUM\n');
    const ds = await TabularDataset.load(path, 'tsv', [['text', F], ['label', L]], { csvReaderParams: { quoting: 'none' } });
    expect(plain(ds)[0]).toEqual({ text: ['"Good', 'Will', 'Hunting"', 'won', 'what?'], label: 'HUM' });
    const semi = await TabularDataset.load(file('s.csv', 'a b;X\n'), 'csv', [['text', F], ['label', L]], { csvReaderParams: { delimiter: ';' } });
    expect(plain(semi)).toEqual([{ text: ['a', 'b'], label: 'X' }]);
  });

  it('streams a large file and counts lines across chunks and multi-line fields', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push(i % 1000 === 7 ? `"two\nlines ${i}",L${i % 5}` : `row number ${i},L${i % 5}`);
    // 30 rows span two lines each, so the bad row below starts on line 30,000 + 30 + 1.
    lines.push('"unterminated,L1', 'x,y');
    const path = file('big.csv', `${lines.join('\n')}\n`);
    const err = await TabularDataset.load(path, 'csv', [['text', F], ['label', L]]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TabularFormatError);
    expect((err as TabularFormatError).line).toBe(30_031);
    expect((err as TabularFormatError).file).toBe(path);
    expect((err as Error).message).toContain(`TabularDataset: ${path}, line 30031: malformed row:`);
    const ok = await TabularDataset.load(file('big-ok.csv', `${lines.slice(0, -2).join('\n')}\n`), 'csv', [['text', F], ['label', L]]);
    expect(ok.length).toBe(30_000);
    expect(ok.getItem(29_999).text).toEqual(['row', 'number', '29999']);
  });

  it('names file, line and field for a row with too few or too many columns', async () => {
    const path = file('short.tsv', 'a\tX\nno label here\n');
    await expect(TabularDataset.load(path, 'tsv', [['text', F], ['label', L]])).rejects.toThrow(TabularFormatError);
    await expect(TabularDataset.load(path, 'tsv', [['text', F], ['label', L]])).rejects.toThrow(
      `TabularDataset: ${path}, line 2: expected 2 columns (text, label), got 1: field 'label' has no value`,
    );
    const err = (await TabularDataset.load(path, 'tsv', [['text', F], ['label', L]]).catch((e: unknown) => e)) as TabularFormatError;
    expect([err.line, err.field]).toEqual([2, 'label']);
    const long = file('long.tsv', 'a\tX\tY\n');
    await expect(TabularDataset.load(long, 'tsv', [['text', F], ['label', L]])).rejects.toThrow(
      `TabularDataset: ${long}, line 1: expected 2 columns (text, label), got 3: column 3 has no field (add [name, null] to skip it)`,
    );
  });

  it('names the header column that is missing, and short rows by header', async () => {
    const path = file('h.csv', 'text,label\nhi,X\n');
    await expect(TabularDataset.load(path, 'csv', { question: ['q', F] })).rejects.toThrow(`TabularDataset: ${path}, line 1: the header has no column 'question' (columns: 'text', 'label')`);
    const short = file('h2.csv', 'text,label\nhi,X\nonly\n');
    await expect(TabularDataset.load(short, 'csv', { label: ['l', L] })).rejects.toThrow(`TabularDataset: ${short}, line 3, field 'label': the row has 1 columns, the header puts 'label' in column 2`);
  });

  it('names file, line and key of bad JSON lines', async () => {
    const bad = file('bad.json', '{"t": "a", "l": "x"}\n{"t": "b"\n');
    await expect(TabularDataset.load(bad, 'json', { t: ['t', F], l: ['l', L] })).rejects.toThrow(`TabularDataset: ${bad}, line 2: not valid JSON (`);
    const missing = file('missing.json', '{"t": "a", "l": "x"}\n\n{"t": "b"}\n');
    const err = (await TabularDataset.load(missing, 'json', { t: ['t', F], l: ['l', L] }).catch((e: unknown) => e)) as TabularFormatError;
    expect(err).toBeInstanceOf(TabularFormatError);
    expect(err.message).toBe(`TabularDataset: ${missing}, line 3, field 'l': key 'l' not found in the input data (its keys: 't')`);
    expect([err.line, err.field]).toEqual([3, 'l']);
  });

  it('refuses unreadable files, unknown formats and contradictory options', async () => {
    await expect(TabularDataset.load(join(dir, 'nope.csv'), 'csv', [['t', F]])).rejects.toThrow(`TabularDataset: cannot read '${join(dir, 'nope.csv')}':`);
    await expect(TabularDataset.load(join(dir, 'nope.json'), 'json', { t: ['t', F] })).rejects.toThrow(TabularFormatError);
    await expect(TabularDataset.load('x', 'xml' as never, [])).rejects.toThrow(ValueError);
    await expect(TabularDataset.load('x', 'xml' as never, [])).rejects.toThrow('TabularDataset: format must be \'csv\', \'tsv\' or \'json\', got "xml"');
    const path = file('o.csv', 'a,b\n');
    await expect(TabularDataset.load(path, 'csv', { a: ['a', F] }, { skipHeader: true })).rejects.toThrow('skipHeader must be false');
    await expect(TabularDataset.load(path, 'json', [['a', F]])).rejects.toThrow('TabularDataset: JSON files need fields as an object');
    await expect(TabularDataset.load(path, 'csv', [['a', F]], { csvReaderParams: { strict: true } as never })).rejects.toThrow(
      "TabularDataset: csvReaderParams 'strict' is not supported (supported: delimiter, quoteChar, escapeChar, quoting)",
    );
  });

  it('gives an empty dataset for an empty file, as torchtext', async () => {
    expect((await TabularDataset.load(file('empty.tsv', ''), 'tsv', [['t', F]])).length).toBe(0);
  });
});

describe('TabularDataset.splits', () => {
  it('loads the files given, in the order train, validation, test', async () => {
    const sub = mkdtempSync(join(dir, 'splits-'));
    writeFileSync(join(sub, 'train.tsv'), 'a\tX\nb\tY\n');
    writeFileSync(join(sub, 'test.tsv'), 'c\tZ\n');
    const LABEL = new LabelField();
    const [train, test] = await TabularDataset.splits({ path: sub, train: 'train.tsv', test: 'test.tsv', format: 'tsv', fields: [['text', F], ['label', LABEL]] });
    expect([train!.length, test!.length]).toEqual([2, 1]);
    expect(test!.getItem(0).label).toBe('Z');
    await expect(TabularDataset.splits({ path: sub, format: 'tsv', fields: [] })).rejects.toThrow('TabularDataset.splits: give at least one of train, validation, test');
  });
});
