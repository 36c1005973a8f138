import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_QUESTIONS } from './load-questions';
import { type ClassifyOptions, trainClassifier } from './train';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'text-classify-')));
  return made[made.length - 1];
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const run = (options: ClassifyOptions) => trainClassifier({ outDir: tmp(), log: null, progress: null, ...options });

describe('trainClassifier on the embedded questions', () => {
  it('learns well above chance in a few epochs, and prints the seed batch repr', async () => {
    const r = await run({ epochs: 8 });
    expect(r.source).toBe('embedded');
    expect(r.sizes).toEqual({ train: 374, valid: 79, test: 81 });
    expect([...r.classes].sort()).toEqual(['ABBR', 'DESC', 'ENTY', 'HUM', 'LOC', 'NUM']);
    expect(r.history).toHaveLength(8);
    // Chance is 1/6 and the most frequent class 21 %; it reaches about 70 %.
    expect(r.majorityBaseline).toBeLessThan(0.25);
    expect(r.testAccuracy).toBeGreaterThan(0.5);
    expect(r.history[7].valAccuracy).toBeGreaterThan(r.history[0].valAccuracy);
    expect(r.history[7].trainLoss).toBeLessThan(r.history[0].trainLoss);
    // The confusion matrix counts every test question once, its diagonal the right answers.
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(81);
    expect(r.confusion.reduce((s, row, i) => s + row[i], 0) / 81).toBeCloseTo(r.testAccuracy, 10);
    // The seed's print(next(iter(test_iter))): the 81 test questions fit one batch of 256,
    // [seqLen, batch] as torchtext lays them out, the longest with its bigrams.
    expect(r.batchRepr).toMatch(/^\n\[Batch of size 81\]\n\t\[\.text\]:\[int32 tensor of size \d+x81\]\n\t\[\.label\]:\[int32 tensor of size 81\]$/);
    expect(existsSync(r.checkpoint)).toBe(true);
  });

  it('gives the same run for the same seed', async () => {
    const a = await run({ epochs: 2, seed: 5 });
    const b = await run({ epochs: 2, seed: 5 });
    expect(b.history).toEqual(a.history.map((h) => ({ ...h })));
    expect(b.testAccuracy).toBe(a.testAccuracy);
  });
});

describe('trainClassifier with --data and --vectors', () => {
  it('trains on TREC files written here, starting from a GloVe-format file', async () => {
    const data = tmp();
    const lines = readFileSync(EMBEDDED_QUESTIONS, 'utf8').trimEnd().split('\n');
    writeFileSync(join(data, 'train_5500.label'), `${lines.slice(0, 450).join('\n')}\n`);
    writeFileSync(join(data, 'TREC_10.label'), `${lines.slice(450).join('\n')}\n`);
    // Eight-dimensional vectors for a few words, in GloVe's text format.
    const vectorsFile = join(tmp(), 'tiny.8d.txt');
    const words = ['what', 'who', 'where', 'how', 'many', 'when', 'zzzz'];
    writeFileSync(vectorsFile, words.map((w, i) => `${w} ${Array.from({ length: 8 }, (_, j) => ((i + 1) * (j - 3.5)) / 10).join(' ')}`).join('\n'));
    const r = await run({ epochs: 2, dataDir: data, vectorsPath: vectorsFile, vectorsCache: tmp(), bigrams: false });

    expect(r.source).toBe(data);
    expect(r.sizes.train + r.sizes.valid).toBe(450);
    expect(r.sizes.test).toBe(84);
    // 'zzzz' is in no question: six of the vocabulary's words have vectors.
    expect(r.vectorsFound).toBe(6);
    const vocab = r.text.vocab!;
    expect(vocab.vectors!.shape).toEqual([vocab.length, 8]);
    const row = (w: string) => (vocab.vectors!.tolist() as number[][])[vocab.stoi.get(w)!];
    expect(row('who')).toEqual(Array.from({ length: 8 }, (_, j) => Math.fround((2 * (j - 3.5)) / 10)));
    expect(row('<unk>')).toEqual(new Array(8).fill(0));
    expect(r.model.embedding.weight.shape).toEqual([vocab.length, 8]);
  });
});
