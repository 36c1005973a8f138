import { describe, expect, it } from 'vitest';
import { TokenizerError } from '../../errors/tokenizer-error';
import { basicEnglishNormalize } from './basic-english';
import { getTokenizer, splitTokenizer } from './get-tokenizer';
import { toktokTokenize } from './toktok';

describe('getTokenizer', () => {
  it("returns Python's str.split() for null or undefined", () => {
    expect(getTokenizer()).toBe(splitTokenizer);
    expect(getTokenizer(null)('  a b\tc\n')).toEqual(['a', 'b', 'c']);
  });

  it('returns functions as they are', () => {
    const f = (s: string) => [s];
    expect(getTokenizer(f)).toBe(f);
  });

  it('maps every torchtext name to its tokenizer', () => {
    expect(getTokenizer('basic_english')).toBe(basicEnglishNormalize);
    expect(getTokenizer('toktok')).toBe(toktokTokenize);
    expect(getTokenizer('spacy')("Don't")).toEqual(['Do', "n't"]);
    expect(getTokenizer('moses')("Don't")).toEqual(['Don', '&apos;t']);
    expect(getTokenizer('revtok')('Hi you')).toEqual([' Hi ', ' you ']);
    expect(getTokenizer('subword')('Hi you')).toEqual(['\ue302 hi ', ' you ']);
  });

  it('refuses unknown names, objects and other languages with a TokenizerError', () => {
    expect(() => getTokenizer('nltk' as never)).toThrow(TokenizerError);
    expect(() => getTokenizer('nltk' as never)).toThrow(
      "getTokenizer: unknown tokenizer 'nltk'; expected one of 'basic_english', 'spacy', 'moses', 'toktok', 'revtok', 'subword', a function (text) => string[], { tokenizerJson } or null for str.split()",
    );
    expect(() => getTokenizer(42 as never)).toThrow('getTokenizer: unknown tokenizer 42;');
    expect(() => getTokenizer({} as never)).toThrow("getTokenizer: expected a tokenizer name ('basic_english', 'spacy', 'moses', 'toktok', 'revtok', 'subword'), a function or { tokenizerJson }, got an object without 'tokenizerJson'");
    expect(() => getTokenizer('basic_english', 'fr')).toThrow("getTokenizer: 'basic_english' is available for English ('en') only, got language 'fr'");
  });
});
