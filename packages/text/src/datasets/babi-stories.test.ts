import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetEmptyFileError } from '../errors/dataset-empty-file-error';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { parseBABI, readBABIFile } from './babi-stories';

const TASK = [
  '1 Mary moved to the bathroom.',
  '2 John went to the hallway.',
  '3 Where is Mary? \tbathroom\t1',
  '4 Daniel went back to the hallway.',
  '5 Sandra moved to the garden.',
  '6 Where is Daniel? \thallway\t4',
  '1 Sandra travelled to the office.',
  '2 Where is Sandra? \toffice\t1',
];
const numbered = (lines: string[]) => lines.map((text, i) => ({ text, number: i + 1 }));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-babi-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseBABI', () => {
  it('gives each question the whole story so far, restarting at id 1', () => {
    expect(parseBABI(numbered(TASK))).toEqual([
      { story: ['Mary moved to the bathroom', 'John went to the hallway'], query: 'Where is Mary', answer: 'bathroom' },
      {
        story: ['Mary moved to the bathroom', 'John went to the hallway', 'Daniel went back to the hallway', 'Sandra moved to the garden'],
        query: 'Where is Daniel',
        answer: 'hallway',
      },
      { story: ['Sandra travelled to the office'], query: 'Where is Sandra', answer: 'office' },
    ]);
  });

  it('keeps only the supporting facts with onlySupporting, counting question lines', () => {
    const questions = parseBABI(numbered(TASK), { onlySupporting: true });
    expect(questions.map((q) => q.story)).toEqual([['Mary moved to the bathroom'], ['Daniel went back to the hallway'], ['Sandra travelled to the office']]);
    const two = parseBABI(numbered(['1 a b.', '2 c d.', '3 Q? \tx\t2 1']), { onlySupporting: true });
    expect(two[0].story).toEqual(['c d', 'a b']);
  });

  it('throws DatasetFormatError naming the file and line of a malformed line', () => {
    const bad = () => parseBABI(numbered(['1 Mary went home.', '2 Where is Mary?\thome']), { file: 'qa1_train.txt', owner: 'BABI20' });
    expect(bad).toThrow(DatasetFormatError);
    expect(bad).toThrow(
      `BABI20: qa1_train.txt line 2: expected a sentence ending in '.' or a question '<question>?\\t<answer>\\t<supporting ids>', got "2 Where is Mary?\\thome"`,
    );
    expect(() => parseBABI(numbered(['Mary went home.']))).toThrow(
      `parseBABI: <input> line 1: expected '<id> <sentence>.' or '<id> <question>?\\t<answer>\\t<supporting ids>', got "Mary went home."`,
    );
    expect(() => parseBABI(numbered(['1 a.', '2 Q? \tx\t5']), { onlySupporting: true })).toThrow(
      'parseBABI: <input> line 2: expected supporting ids of sentences told before (1 to 1), got "5"',
    );
  });
});

describe('readBABIFile', () => {
  it('reads a task file', async () => {
    await writeFile(join(dir, 'qa1_train.txt'), `${TASK.join('\n')}\n`);
    const questions = await readBABIFile(join(dir, 'qa1_train.txt'));
    expect(questions).toHaveLength(3);
    expect(questions[2]).toEqual({ story: ['Sandra travelled to the office'], query: 'Where is Sandra', answer: 'office' });
  });

  it('throws DatasetEmptyFileError for an empty file and DatasetMissingFileError for a missing one', async () => {
    const empty = join(dir, 'qa2_test.txt');
    await writeFile(empty, '');
    await expect(readBABIFile(empty, { owner: 'BABI20' })).rejects.toThrow(DatasetEmptyFileError);
    await expect(readBABIFile(empty, { owner: 'BABI20' })).rejects.toThrow(`BABI20: ${empty} is empty; expected bAbI lines such as '1 Mary moved to the bathroom.'`);
    const missing = join(dir, 'nope.txt');
    await expect(readBABIFile(missing)).rejects.toThrow(DatasetMissingFileError);
    await expect(readBABIFile(missing)).rejects.toThrow(`readBABIFile: the bAbI file ${missing} does not exist`);
  });
});
