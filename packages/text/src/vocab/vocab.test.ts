import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ArgumentTypeError, IndexError, ShapeError, tensor, ValueError } from '@dl/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countTokens, fixturePath, LEGACY_VOCAB, TORCHTEXT, tempFolder } from '../../test/fixtures/vocab/support';
import { VocabError } from '../errors/vocab-error';
import { CharNGram } from './char-ngram';
import { Vectors } from './vectors';
import { Vocab } from './vocab';

let dir: string;
beforeEach(async () => {
  dir = await tempFolder('vocab');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const corpus = () => countTokens(LEGACY_VOCAB.corpus_tokens);
const fixtureCounter = () => new Map(Object.entries(TORCHTEXT.counter));

describe('Vocab', () => {
  for (const c of LEGACY_VOCAB.cases) {
    it(`orders specials first, then by frequency, ties alphabetical, as legacy torchtext (${JSON.stringify(c.params)})`, () => {
      const vocab = new Vocab(corpus(), { specials: c.specials, minFreq: c.params.min_freq, maxSize: c.params.max_size });
      expect(vocab.itos).toEqual(c.itos);
      expect(vocab.length).toBe(c.itos.length);
      expect(vocab.unkIndex).toBe(0);
      expect(vocab.lookup('never-seen')).toBe(0);
      expect(vocab.stoi.get('never-seen')).toBe(0);
      expect(vocab.stoi.has('never-seen')).toBe(false);
      c.itos.forEach((token, i) => expect(vocab.stoi.get(token)).toBe(i));
    });
  }

  it('puts the specials last with specialsFirst: false, the unknown index pointing there, as torchtext', () => {
    const expected = TORCHTEXT.vocab_specials_last;
    const vocab = new Vocab(fixtureCounter(), { minFreq: expected.min_freq, specials: expected.specials, specialsFirst: false });
    expect(vocab.itos).toEqual(expected.itos);
    expect(vocab.unkIndex).toBe(expected.unk_index);
    for (const [token, index] of Object.entries(expected.lookup)) expect(vocab.lookup(token)).toBe(index);
    expect(new Vocab(corpus(), { maxSize: 3, specialsFirst: false }).itos).toEqual(['.', '?', '!', '<unk>', '<pad>']);
  });

  it('has no unknown index without an <unk> special: stoi.get gives undefined and lookup throws (torchtext: None)', () => {
    const counter = new Map([['a', 1], ['b', 1]]);
    const vocab = new Vocab(counter, { specials: ['<pad>'] });
    expect(vocab.itos).toEqual(TORCHTEXT.no_unk.itos);
    expect(vocab.unkIndex).toBeUndefined();
    expect(vocab.stoi.get('zzz')).toBeUndefined();
    expect(() => vocab.lookup('zzz')).toThrow(new VocabError(`Vocab.lookup: "zzz" is not in the vocabulary (3 tokens) and it has no '<unk>' to fall back on`));
    expect(() => vocab.lookupIndices(['a', 'zzz'])).toThrow(VocabError);
    // A counted '<unk>' token is the fallback of lookup, as torchtext's `stoi.get(token, stoi.get('<unk>'))`.
    const counted = new Vocab(new Map([['<unk>', 5], ['a', 1]]), { specials: ['<pad>'] });
    expect([counted.unkIndex, counted.lookup('zzz'), counted.stoi.get('zzz')]).toEqual([undefined, 1, undefined]);
  });

  it("ignores the specials' own counts, keeps the counter in freqs, and counts minFreq below 1 as 1", () => {
    const counter = new Map([['<pad>', 100], ['a', 2], ['b', 0]]);
    const vocab = new Vocab(counter, { minFreq: 0 });
    expect(vocab.itos).toEqual(['<unk>', '<pad>', 'a']);
    expect(vocab.freqs).toEqual(counter);
    expect(vocab.freqs).not.toBe(counter);
  });

  it("breaks ties by Python's code point order, not JavaScript's UTF-16 order", () => {
    const counter = new Map([['\u{1F600}', 1], ['\uFF21', 1], ['b', 1], ['a', 2]]);
    expect(new Vocab(counter, { specials: [] }).itos).toEqual(['a', 'b', '\uFF21', '\u{1F600}']);
  });

  it('looks up many tokens at once', () => {
    const vocab = new Vocab(corpus());
    expect(vocab.lookupIndices(['.', '?', 'never-seen', 'how'])).toEqual([2, 3, 0, 9]);
    expect(String(vocab)).toBe('Vocab(length=43, unkIndex=0, vectors=none)');
  });

  it('extends with the tokens of another vocabulary it lacks, in order or sorted, as torchtext', () => {
    const e = TORCHTEXT.extend;
    const make = () => new Vocab(countTokens([e.base]), { specials: e.base_specials });
    const other = new Vocab(countTokens([e.other]), { specials: e.other_specials });
    const plain = make();
    plain.extend(other);
    expect(plain.itos).toEqual(e.itos);
    plain.itos.forEach((t, i) => expect(plain.stoi.get(t)).toBe(i));
    const sorted = make();
    sorted.extend(other, true);
    expect(sorted.itos).toEqual(e.itos_sorted);
  });

  it("extends the vectors with the other vocabulary's rows, and refuses when it has none", () => {
    const base = new Vocab(new Map([['a', 1]]), { specials: ['<unk>'] });
    base.setVectors(new Map([['a', 0]]), tensor([[1, 2]]), 2);
    const other = new Vocab(new Map([['b', 1]]), { specials: ['<unk>'] });
    expect(() => base.extend(other)).toThrow(new VocabError('Vocab.extend: this vocabulary has vectors of size 2, so the 1 added tokens need vectors of size 2 from other, which has none'));
    expect(base.itos).toEqual(['<unk>', 'a']);
    other.setVectors({ b: 0 }, [[7, 8]], 2);
    base.extend(other);
    expect(base.itos).toEqual(['<unk>', 'a', 'b']);
    expect(base.vectors!.tolist()).toEqual([[0, 0], [1, 2], [7, 8]]);
  });

  it("concatenates several vectors sets along the vector dimension, from the stripped tokens, as torchtext's load_vectors", async () => {
    const glove = new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir });
    const charngram = new CharNGram({ cache: dir, url: 'http://127.0.0.1:1/unused.tar.gz' });
    await copyFile(fixturePath('charNgram.txt'), join(dir, 'charNgram.txt'));
    const vocab = new Vocab(fixtureCounter());
    await vocab.loadVectors([glove, charngram]);
    const expected = TORCHTEXT.vocab_glove_charngram;
    expect(vocab.itos).toEqual(expected.itos);
    expect(vocab.vectors!.shape).toEqual(expected.shape);
    expect(Array.from(vocab.vectors!.dataSync())).toEqual(expected.vectors);
    // The same through the constructor, now that both sets are loaded.
    const again = new Vocab(fixtureCounter(), { vectors: [glove, charngram] });
    expect(again.equals(vocab)).toBe(true);
  });

  it('applies unkInit to tokens a set lacks, also for Vectors objects (torchtext ignores it there: pytorch/text#263)', async () => {
    const glove = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir }).load();
    const vocab = new Vocab(new Map([['paris', 2], ['nowhere', 1]]), { vectors: glove, unkInit: (t) => t.add(3) });
    const rows = vocab.vectors!.tolist() as number[][];
    expect(rows[0]).toEqual(new Array(50).fill(3)); // '<unk>'
    expect(rows[2]).toEqual(Array.from(glove.get('paris').dataSync()));
    expect(rows[3]).toEqual(new Array(50).fill(3)); // 'nowhere'
    const defaults = new Vocab(new Map([['nowhere', 1]]), { vectors: glove });
    expect((defaults.vectors!.tolist() as number[][])[2]).toEqual(new Array(50).fill(0));
  });

  it('sets vectors of your own with setVectors (unkInit for the tokens stoi lacks)', () => {
    const vocab = new Vocab(new Map([['a', 2], ['b', 1]]), { specials: ['<unk>'] });
    vocab.setVectors(new Map([['b', 1], ['a', 0]]), tensor([[1, 2, 3], [4, 5, 6]]), 3, (t) => t.fill_(-1));
    expect(vocab.vectors!.tolist()).toEqual([[-1, -1, -1], [1, 2, 3], [4, 5, 6]]);
    vocab.setVectors({ a: 0 }, [tensor([9, 9, 9])], 3);
    expect(vocab.vectors!.tolist()).toEqual([[0, 0, 0], [9, 9, 9], [0, 0, 0]]);
    expect(() => vocab.setVectors({ a: 2 }, [[1, 2, 3]], 3)).toThrow(new IndexError('Vocab.setVectors: stoi maps "a" to 2, but there are 1 vectors'));
    expect(() => vocab.setVectors({ a: 0 }, [[1, 2]], 3)).toThrow(new ShapeError('Vocab.setVectors: the vector of "a" (row 0) has 2 values, expected dim = 3'));
    expect(() => vocab.setVectors({ a: 0 }, tensor([[1, 2]]), 3)).toThrow(new ShapeError('Vocab.setVectors: vectors must have shape [n, 3], got [1, 2]'));
  });

  it('needs Vocab.create for vectors the constructor cannot load synchronously', () => {
    expect(() => new Vocab(corpus(), { vectors: 'glove.6B.50d' })).toThrow(
      new VocabError(
        "Vocab: the constructor cannot load vectors (loading is asynchronous) and GloVe(name='glove.6B.50d.txt', loaded=false) is not loaded: use `await Vocab.create(counter, options)`, or `await vocab.loadVectors(vectors)` after the constructor",
      ),
    );
    expect(() => new Vocab(corpus(), { unkInit: (t) => t })).toThrow(new VocabError('Vocab: unkInit and vectorsCache apply to vectors, but no vectors were given'));
    expect(() => new Vocab(corpus(), { vectors: 42 as never })).toThrow(
      new ArgumentTypeError("Vocab: vectors must be a pretrained alias such as 'glove.6B.50d' or a Vectors object, got number"),
    );
  });

  it('checks its arguments', () => {
    expect(() => new Vocab({} as never)).toThrow(new ArgumentTypeError('Vocab: counter must be a Map of token counts, got object'));
    expect(() => new Vocab(corpus(), { maxSize: -1 })).toThrow(new ValueError('Vocab: maxSize must be an integer >= 0 or undefined, got -1'));
    expect(() => new Vocab(new Map([['a', '1' as never]]))).toThrow(new ArgumentTypeError('Vocab: the count of "a" must be a number, got string'));
    expect(new Vocab(corpus(), { maxSize: null }).length).toBe(43);
    expect(new Vocab(corpus(), { maxSize: 0 }).itos).toEqual(['<unk>', '<pad>']);
  });

  it('round-trips through stateDict and JSON, vectors included, and compares with equals', async () => {
    const glove = await new Vectors(fixturePath('glove.6B.50d.txt'), { cache: dir }).load();
    const vocab = new Vocab(fixtureCounter(), { vectors: glove, maxSize: 20 });
    const json = JSON.parse(JSON.stringify(vocab));
    const back = Vocab.fromStateDict(json);
    expect(back.equals(vocab)).toBe(true);
    expect(back.itos).toEqual(vocab.itos);
    expect(Array.from(back.vectors!.dataSync())).toEqual(Array.from(vocab.vectors!.dataSync()));
    expect(back.lookup('never-seen')).toBe(0);
    const plain = Vocab.fromStateDict(new Vocab(corpus(), { specials: ['<pad>'] }).stateDict());
    expect([plain.unkIndex, plain.vectors, plain.stoi.get('zzz')]).toEqual([undefined, undefined, undefined]);
    expect(back.equals(new Vocab(fixtureCounter(), { maxSize: 20 }))).toBe(false);
    expect(vocab.equals('vocab')).toBe(false);
  });

  it('refuses a malformed state, naming the field, and leaves the vocabulary as it was', () => {
    const vocab = new Vocab(corpus());
    const good = vocab.stateDict();
    expect(() => vocab.loadStateDict({ ...good, itos: 'abc' } as never)).toThrow(new VocabError('Vocab.fromStateDict: itos must be an array of strings'));
    expect(() => vocab.loadStateDict({ ...good, unkIndex: 99 })).toThrow(new VocabError('Vocab.fromStateDict: unkIndex must be null or an index below 43 (the length of itos), got 99'));
    expect(() => vocab.loadStateDict({ ...good, vectors: { shape: [43, 2], data: 'AAAA' } })).toThrow(
      new VocabError('Vocab.fromStateDict: vectors.data must be base64 of 86 float32 values (344 bytes)'),
    );
    expect(() => Vocab.fromStateDict({ ...good, format: 'torch' } as never)).toThrow(new VocabError(`Vocab.fromStateDict: format must be 'dl.text.Vocab', got "torch"`));
    expect(vocab.equals(new Vocab(corpus()))).toBe(true);
  });
});
