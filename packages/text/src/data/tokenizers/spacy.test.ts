import { describe, expect, it } from 'vitest';
import { TokenizerError } from '../../errors/tokenizer-error';
import { spacyTokenizer } from './spacy';

describe('spacyTokenizer', () => {
  const tokenize = spacyTokenizer();

  it("tokenizes the issue's sentence exactly as spaCy's English tokenizer", () => {
    expect(tokenize("Don't you love 🤗 Transformers? We sure do.")).toEqual(['Do', "n't", 'you', 'love', '🤗', 'Transformers', '?', 'We', 'sure', 'do', '.']);
  });

  it("splits the seed's TREC questions as spaCy does", () => {
    expect(tokenize('How do you measure earthquakes?')).toEqual(['How', 'do', 'you', 'measure', 'earthquakes', '?']);
    expect(tokenize('Who is Duke Ellington?')).toEqual(['Who', 'is', 'Duke', 'Ellington', '?']);
    expect(tokenize("I'd watch it again, (really).")).toEqual(['I', "'d", 'watch', 'it', 'again', ',', '(', 'really', ')', '.']);
    expect(tokenize("can't won't")).toEqual(['ca', "n't", 'wo', "n't"]);
  });

  it('keeps whitespace beyond one space as tokens, as spaCy does', () => {
    expect(tokenize('Hello   world')).toEqual(['Hello', '  ', 'world']);
    expect(tokenize('a\n\nb')).toEqual(['a', '\n\n', 'b']);
    expect(tokenize('a \n b')).toEqual(['a', '\n ', 'b']);
    expect(tokenize(' a')).toEqual([' ', 'a']);
    expect(tokenize('a  ')).toEqual(['a', ' ']);
    expect(tokenize('a ')).toEqual(['a']);
    expect(tokenize('   ')).toEqual(['   ']);
    expect(tokenize('')).toEqual([]);
  });

  it('is English only', () => {
    expect(() => spacyTokenizer('de')).toThrow(TokenizerError);
    expect(() => spacyTokenizer('de')).toThrow("getTokenizer: the 'spacy' tokenizer (wink-nlp's English model) supports language 'en' only, got 'de'");
    expect(spacyTokenizer('en_core_web_sm')('Hi!')).toEqual(['Hi', '!']);
  });
});
