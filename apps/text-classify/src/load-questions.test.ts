import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, Field, LabelField } from '@dl/text';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_QUESTIONS, TRECFolderError, findTRECFolder, loadQuestions } from './load-questions';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'text-classify-data-')));
  return made[made.length - 1];
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const fields = () => [new Field({ lower: true }), new LabelField()] as const;
const questions = (ds: Dataset) => [...ds].map((ex) => (ex.text as string[]).join(' '));
const labels = (ds: Dataset) => [...ds].map((ex) => ex.label as string);
const tally = (xs: string[]) => Object.fromEntries([...new Set(xs)].sort().map((x) => [x, xs.filter((y) => y === x).length]));

describe('the embedded questions', () => {
  const lines = readFileSync(EMBEDDED_QUESTIONS, 'utf8').trimEnd().split('\n');

  it("are 534 distinct questions in TREC's line format with its six coarse classes", () => {
    expect(lines).toHaveLength(534);
    expect(new Set(lines).size).toBe(534);
    for (const line of lines) expect(line).toMatch(/^(ABBR|DESC|ENTY|HUM|LOC|NUM):[a-z]+ \S.* \S+$/);
    expect(tally(lines.map((l) => l.split(':')[0]))).toEqual({ ABBR: 50, DESC: 98, ENTY: 113, HUM: 94, LOC: 80, NUM: 99 });
  });

  it('load through datasets.TREC and split 70/15/15 by class, the same way every time', async () => {
    const [text, label] = fields();
    const a = await loadQuestions(text, label);
    expect(a.source).toBe('embedded');
    expect([a.train.length, a.valid.length, a.test.length]).toEqual([374, 79, 81]);
    // Stratified: each class in every split, in about its share of the file.
    for (const ds of [a.train, a.valid, a.test]) expect(Object.keys(tally(labels(ds)))).toEqual(['ABBR', 'DESC', 'ENTY', 'HUM', 'LOC', 'NUM']);
    expect(tally(labels(a.test))).toEqual({ ABBR: 8, DESC: 15, ENTY: 17, HUM: 14, LOC: 12, NUM: 15 });
    // Every question in exactly one split.
    const all = [...questions(a.train), ...questions(a.valid), ...questions(a.test)];
    expect(new Set(all).size).toBe(534);
    // Tokenized and lowercased by the field, as the file's lines are.
    const first = lines[0].split(' ').slice(1).join(' ').toLowerCase();
    expect(all).toContain(first);

    const [text2, label2] = fields();
    const b = await loadQuestions(text2, label2);
    expect(questions(b.test)).toEqual(questions(a.test));
    expect(questions(b.train)).toEqual(questions(a.train));
  });
});

describe('--data: the real TREC files', () => {
  // Files in TREC's format, written here: 40 training questions (8 in each of five classes) and
  // 6 test questions, with the one 0xF0 byte TREC's real training file has.
  const classes = ['DESC:manner', 'ENTY:animal', 'HUM:ind', 'LOC:city', 'NUM:count'];
  const trainLines = Array.from({ length: 40 }, (_, i) => `${classes[i % 5]} Question number ${i} about thing ${i % 7} ?`);
  const write = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    const train = Buffer.from(`${trainLines.join('\n')}\n`, 'latin1');
    train[train.indexOf(' about')] = 0xf0;
    writeFileSync(join(dir, 'train_5500.label'), train);
    writeFileSync(join(dir, 'TREC_10.label'), `${classes.map((c, i) => `${c} Test question ${i} ?`).join('\n')}\nNUM:date When is it ?\n`);
  };

  it('reads train_5500.label (90 % train, 10 % validation) and TREC_10.label (test) from the folder', async () => {
    const dir = tmp();
    write(dir);
    const [text, label] = fields();
    const r = await loadQuestions(text, label, dir);
    expect(r.source).toBe(dir);
    expect([r.train.length, r.valid.length, r.test.length]).toEqual([35, 5, 6]);
    expect(tally(labels(r.test))).toEqual({ DESC: 1, ENTY: 1, HUM: 1, LOC: 1, NUM: 2 });
    expect(questions(r.test)[5]).toBe('when is it ?');
    // The 0xF0 byte is read as a space, as classic torchtext does.
    expect([...questions(r.train), ...questions(r.valid)]).toContain('question number 0 about thing 0 ?');
  });

  it("also finds them in torchtext's .data layout (DIR/trec), and names both places when they are missing", async () => {
    const dir = tmp();
    write(join(dir, 'trec'));
    expect(findTRECFolder(dir)).toBe(join(dir, 'trec'));
    const empty = tmp();
    expect(() => findTRECFolder(empty)).toThrow(TRECFolderError);
    expect(() => findTRECFolder(empty)).toThrow(`no TREC files in ${empty}: expected train_5500.label and TREC_10.label there or in its trec/ folder`);
  });
});
