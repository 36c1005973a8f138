import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { readJsonRecords } from './json-records';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-text-readers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readJsonRecords', () => {
  it('reads one object a line and names the line that is not one', async () => {
    const file = join(dir, 'snli_1.0_dev.jsonl');
    await writeFile(file, '{"gold_label": "neutral"}\n\n{"gold_label": "-"}\n');
    expect(await readJsonRecords(file)).toEqual([{ gold_label: 'neutral' }, { gold_label: '-' }]);
    await writeFile(file, '{"gold_label": "neutral"}\n{"gold_label": \n');
    await expect(readJsonRecords(file, 'SNLI')).rejects.toThrow(DatasetFormatError);
    await expect(readJsonRecords(file, 'SNLI')).rejects.toThrow(`SNLI: ${file} line 2: expected a JSON object, got "{\\"gold_label\\": " (`);
    await writeFile(file, '[1, 2]\n');
    await expect(readJsonRecords(file, 'SNLI')).rejects.toThrow(`SNLI: ${file} line 1: expected a JSON object, got "[1, 2]"`);
    await writeFile(file, '\n');
    await expect(readJsonRecords(file, 'SNLI')).rejects.toThrow(`SNLI: ${file} is empty; expected one JSON object a line`);
  });
});
