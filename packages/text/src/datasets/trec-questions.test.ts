import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { readTRECQuestions } from './trec-questions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-text-readers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTRECQuestions', () => {
  it('reads labels and questions, the byte 0xF0 as a space', async () => {
    const file = join(dir, 'train_5500.label');
    await writeFile(file, Buffer.concat([Buffer.from('LOC:city What is the sister'), Buffer.from([0xf0]), Buffer.from('city of LA ?\n\nHUM:ind Who ?\n')]));
    expect(await readTRECQuestions(file)).toEqual([
      { label: 'LOC:city', text: 'What is the sister city of LA ?' },
      { label: 'HUM:ind', text: 'Who ?' },
    ]);
  });

  it('throws DatasetFormatError naming file and line, DatasetEmptyFileError for an empty file', async () => {
    const file = join(dir, 'TREC_10.label');
    await writeFile(file, 'NUM:dist How far ?\nwhat is this\n');
    await expect(readTRECQuestions(file, 'TREC')).rejects.toThrow(DatasetFormatError);
    await expect(readTRECQuestions(file, 'TREC')).rejects.toThrow(`TREC: ${file} line 2: expected '<COARSE>:<fine> <question>', got "what is this"`);
    await writeFile(file, '');
    await expect(readTRECQuestions(file, 'TREC')).rejects.toThrow(`TREC: ${file} is empty; expected questions such as 'HUM:ind Who was Galileo ?'`);
  });
});
