import { ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { LEGACY_VOCAB } from '../../test/fixtures/vocab/support';
import { buildVocabFromIterator } from './build-vocab-from-iterator';
import { Vocab } from './vocab';

describe('buildVocabFromIterator', () => {
  it("counts the token lists and builds torchtext's ordering", () => {
    const vocab = buildVocabFromIterator(LEGACY_VOCAB.corpus_tokens);
    expect(vocab).toBeInstanceOf(Vocab);
    expect(vocab.itos).toEqual(LEGACY_VOCAB.cases[0]!.itos);
    expect(vocab.freqs.get('?')).toBe(7);
    expect(buildVocabFromIterator(LEGACY_VOCAB.corpus_tokens, { minFreq: 3 }).itos).toEqual(LEGACY_VOCAB.cases[1]!.itos);
  });

  it('takes generators and async iterables (returning a Promise then)', async () => {
    function* lines() {
      yield ['a', 'b'];
      yield new Set(['b']);
    }
    expect(buildVocabFromIterator(lines(), { specials: [] }).itos).toEqual(['b', 'a']);
    async function* remote() {
      yield ['x'];
      yield ['y', 'y'];
    }
    const vocab = await buildVocabFromIterator(remote(), { specials: ['<unk>'] });
    expect(vocab.itos).toEqual(['<unk>', 'y', 'x']);
  });

  it('refuses items that are not token lists, and vectors options', () => {
    expect(() => buildVocabFromIterator(['a sentence'] as never)).toThrow(new ArgumentTypeError('buildVocabFromIterator: item 0 must be an iterable of tokens (e.g. string[]), got a string'));
    expect(() => buildVocabFromIterator(5 as never)).toThrow(new ArgumentTypeError('buildVocabFromIterator: expected an iterable of token lists, got number'));
    expect(() => buildVocabFromIterator([], { vectors: 'glove.6B.50d' } as never)).toThrow(ArgumentTypeError);
  });
});
