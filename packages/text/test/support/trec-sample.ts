import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A TREC-style question classification sample for the seed's workflow (tests and the docs
// examples): TRECtrain.tsv (48 questions), TRECval.tsv (20), TRECtest.tsv (99, the longest 16
// spaCy tokens, so the first test batch prints as the seed's `16x99`), and a GloVe-format
// glove.6B.50d.txt holding 50-d vectors of some of their words, so build_vocab(vectors=
// 'glove.6B.50d') reads it from the cache instead of downloading.
const QUESTIONS: [string, string][] = [
  ['How do you measure earthquakes?', 'DESC'],
  ['Who is Duke Ellington?', 'HUM'],
  ['What is the capital of France?', 'LOC'],
  ['How far is the moon from the Earth?', 'NUM'],
  ['What does NASA stand for?', 'ABBR'],
  ['What is the largest animal on the planet?', 'ENTY'],
  ["Who wrote Shakespeare's sonnets?", 'HUM'],
  ['Where is the Eiffel Tower located?', 'LOC'],
  ['Why do cats purr?', 'DESC'],
  ['When did World War II end?', 'NUM'],
  ['What color is the sky on a clear day?', 'ENTY'],
  ["What's the abbreviation for the United States?", 'ABBR'],
  ['How many people live in Tokyo?', 'NUM'],
  ['What is a golden parachute?', 'DESC'],
  ['Which river runs through Cairo?', 'LOC'],
  ['Who invented the telephone?', 'HUM'],
];
const PLACES = ['Paris', 'Rome', 'Lima', 'Oslo', 'Cairo', 'Quito', 'Hanoi', 'Dakar', 'Seoul'];

/** n questions made from QUESTIONS, some lengthened with place names so lengths vary (up to 16 tokens). */
export function questions(n: number, offset: number): [string, string][] {
  return Array.from({ length: n }, (_, i) => {
    const [q, label] = QUESTIONS[(i + offset) % QUESTIONS.length]!;
    const extra = (i + Math.floor(i / QUESTIONS.length) + offset) % 4;
    const tail = extra === 0 ? '' : ` near ${PLACES.slice(0, extra).join(' and ')}`;
    return [q.replace(/\?$/, `${tail}?`), label];
  });
}

function writeTsv(path: string, rows: [string, string][]): void {
  writeFileSync(path, `${rows.map((r) => r.join('\t')).join('\n')}\n`);
}

/** A GloVe-format file (`word v1 ... v50`) for some of the words, as glove.6B.50d.txt would hold them. */
function writeGlove(path: string): void {
  const words = ['the', 'what', 'is', 'who', 'how', 'of', 'capital', 'france', 'moon', 'earth', 'cats', 'tokyo', '?'];
  const lines = words.map((w, i) => `${w} ${Array.from({ length: 50 }, (_, j) => ((i + 1) * 0.01 + j * 0.001).toFixed(4)).join(' ')}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Writes the sample: the three TSV files into `dataDir` and glove.6B.50d.txt into `vectorCache`
 * (both made if missing).
 */
export function writeTrecSample(dataDir: string, vectorCache: string): void {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(vectorCache, { recursive: true });
  writeTsv(join(dataDir, 'TRECtrain.tsv'), questions(48, 0));
  writeTsv(join(dataDir, 'TRECval.tsv'), questions(20, 5));
  writeTsv(join(dataDir, 'TRECtest.tsv'), questions(99, 3));
  writeGlove(join(vectorCache, 'glove.6B.50d.txt'));
}
