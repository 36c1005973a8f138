import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { TORCHTEXT } from '../../test/fixtures/vocab/support';
import { VocabError } from '../errors/vocab-error';
import { SubwordSegmenter } from './subword-segmenter';
import { SubwordVocab } from './subword-vocab';
import { Vocab } from './vocab';

const counter = () => new Map(Object.entries(TORCHTEXT.subword_counter));

describe('SubwordVocab', () => {
  for (const c of TORCHTEXT.subword_vocab) {
    it(`picks revtok's pieces in revtok's order, scores included, and segments as it does (maxSize ${c.max_size}, specials ${c.specials.join(' ')})`, () => {
      const vocab = new SubwordVocab(counter(), { maxSize: c.max_size, specials: c.specials });
      expect([...vocab.segmenter.vocab]).toEqual(c.segmenter_vocab);
      expect(vocab.itos).toEqual(c.itos);
      expect(vocab.unkIndex).toBe(c.unk_index ?? undefined);
      for (const [word, pieces] of Object.entries(c.segments)) expect([word, vocab.segment(word)]).toEqual([word, pieces]);
      expect(vocab.segment(Object.keys(c.segments))).toEqual(Object.values(c.segments).flat());
      vocab.itos.forEach((t, i) => expect(vocab.stoi.get(t)).toBe(i));
    });
  }

  it('is a Vocab: Vocab.create builds one through the subclass, and lookups fall back to <unk>', async () => {
    const vocab = await SubwordVocab.create(counter(), { maxSize: 40, specials: ['<unk>', '<pad>'] });
    expect(vocab).toBeInstanceOf(SubwordVocab);
    expect(vocab).toBeInstanceOf(Vocab);
    expect(vocab.lookupIndices(['e', '§'])).toEqual([2, 0]);
  });

  it('round-trips through stateDict with its segmenter', () => {
    const vocab = new SubwordVocab(counter(), { maxSize: 120 });
    const back = SubwordVocab.fromStateDict(JSON.parse(JSON.stringify(vocab)));
    expect(back).toBeInstanceOf(SubwordVocab);
    expect(back.equals(vocab)).toBe(true);
    expect(back.segment('lowest')).toEqual(['lowest']);
    expect(() => SubwordVocab.fromStateDict(new Vocab(counter()).stateDict())).toThrow(
      new VocabError('SubwordVocab.fromStateDict: subwords must be the [piece, score] pairs of a saved SubwordVocab, got none'),
    );
  });

  it("refuses what torchtext's SubwordVocab cannot take", () => {
    expect(() => new SubwordVocab(counter())).toThrow(new ValueError('SubwordVocab: maxSize must be an integer >= 0 (revtok builds the subword vocabulary up to it), got undefined'));
    expect(() => new SubwordVocab(counter(), { maxSize: 10, minFreq: 2 })).toThrow(new ValueError('SubwordVocab: minFreq does not apply to subword vocabularies (torchtext has no such argument)'));
    expect(() => new SubwordVocab(counter(), { maxSize: 10, specialsFirst: false })).toThrow(ValueError);
  });
});

describe('SubwordSegmenter', () => {
  it('stops at every character and n-gram when maxSize asks for more (where revtok raises IndexError)', () => {
    const segmenter = new SubwordSegmenter(new Map([['abc', 1]]), 100);
    expect([...segmenter.vocab.keys()].sort()).toEqual(['a', 'ab', 'abc', 'b', 'bc', 'c']);
    expect(segmenter.segment('abcab')).toEqual(['abc', 'ab']);
  });

  it('rebuilds from a saved vocabulary, and checks maxSize', () => {
    const segmenter = new SubwordSegmenter(new Map([['lower', 3], ['lowest', 1]]), 12);
    expect(SubwordSegmenter.fromVocab(segmenter.vocab).segment('lowers')).toEqual(segmenter.segment('lowers'));
    expect(() => new SubwordSegmenter(new Map(), -1)).toThrow(new ValueError('SubwordSegmenter: maxSize must be an integer >= 0, got -1'));
  });
});
