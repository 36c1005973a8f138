import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CORPUS, EMBEDDED_FILES } from './load-corpus';
import { tokenizeProse } from './tokenize-prose';
import { type LanguageModelOptions, trainLanguageModel } from './train';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'text-lm-')));
  return made[made.length - 1];
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

// A small corpus in WikiText-2's format (tokens split by spaces, one paragraph a line), made from
// the first paragraphs of the embedded Moby-Dick chapters, so --data is exercised on real text.
let wiki: string;
const counts = { train: 0, valid: 0, test: 0 };
beforeAll(() => {
  wiki = tmp();
  const parts = [
    ['wiki.train.tokens', EMBEDDED_FILES.train, 6000, 'train'],
    ['wiki.valid.tokens', EMBEDDED_FILES.validation, 1500, 'valid'],
    ['wiki.test.tokens', EMBEDDED_FILES.test, 1500, 'test'],
  ] as const;
  for (const [name, source, budget, key] of parts) {
    const lines: string[] = [];
    let n = 0;
    for (const line of readFileSync(join(EMBEDDED_CORPUS, source), 'utf8').split('\n')) {
      if (n >= budget || line === '') break;
      const tokens = tokenizeProse(line);
      lines.push(` ${tokens.join(' ')} `);
      n += tokens.length + 1;
    }
    counts[key] = n;
    writeFileSync(join(wiki, name), `${lines.join('\n')}\n`);
  }
});

const small: LanguageModelOptions = { epochs: 3, maxVocab: 300, batchSize: 10, dropout: 0, sampleLength: 12, log: null, progress: null };

describe('trainLanguageModel', () => {
  it('lowers the perplexity below the unigram baseline, on WikiText-format files written here', async () => {
    const r = await trainLanguageModel({ ...small, dataDir: wiki, outDir: tmp(), prompt: 'call me' });
    expect(r.source).toBe(wiki);
    expect(r.tokens).toEqual(counts);
    expect(r.vocabSize).toBe(302); // 300 words, <unk> and <pad>
    expect(r.batchesPerEpoch).toBe(Math.ceil((counts.train / 10 - 1) / 35));
    const [first, , last] = r.history;
    expect(r.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(last.trainPerplexity).toBeLessThan(first.trainPerplexity * 0.7);
    expect(r.bestValidPerplexity).toBeLessThan(first.validPerplexity);
    // 6,000 training tokens are too few to beat word frequencies by much (the full run beats them
    // by a third, see the README), but the model does beat them, far below a uniform guess.
    expect(r.unigram.valid).toBeLessThan(302 / 4);
    expect(r.bestValidPerplexity).toBeLessThan(r.unigram.valid);
    expect(r.testPerplexity).toBeGreaterThan(1);
    expect(r.testPerplexity).toBeLessThan(r.unigram.test * 1.2);
    expect(r.prompt).toEqual(['call', 'me']);
    expect(r.sample).toHaveLength(12);
    expect(existsSync(r.checkpoint)).toBe(true);
    expect(JSON.parse(readFileSync(join(r.checkpoint, '..', 'vocab.json'), 'utf8'))).toHaveLength(302);
  });

  it('gives the same perplexities and sample for the same seed', async () => {
    const opts = { ...small, epochs: 1, dataDir: wiki, seed: 4, prompt: 'the whale' };
    const a = await trainLanguageModel({ ...opts, outDir: tmp() });
    const b = await trainLanguageModel({ ...opts, outDir: tmp() });
    expect(b.history.map((h) => h.validPerplexity)).toEqual(a.history.map((h) => h.validPerplexity));
    expect(b.sample).toEqual(a.sample);
    expect(b.testPerplexity).toBe(a.testPerplexity);
  });
});
