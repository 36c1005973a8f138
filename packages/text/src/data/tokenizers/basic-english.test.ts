import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures';
import { basicEnglishNormalize } from './basic-english';

const fixture = readFixture<{ cases: { input: string; tokens: string[] }[] }>('text_basic_english.json');

describe('basicEnglishNormalize', () => {
  it.each(fixture.cases)("gives torchtext's tokens for %j", ({ input, tokens }) => {
    expect(basicEnglishNormalize(input)).toEqual(tokens);
  });

  it("splits on Python's whitespace, not JavaScript's", () => {
    // \x1c-\x1f and \x85 are whitespace to Python; \ufeff is not (it is to JavaScript's \s).
    expect(basicEnglishNormalize('a\x1cb\x85c\ufeffd')).toEqual(['a', 'b', 'c\ufeffd']);
  });

  it('agrees with the twelve regex substitutions on random text, quotes and <br /> tricks included', () => {
    const rules: [RegExp, string][] = [
      [/'/g, " '  "], [/"/g, ''], [/\./g, ' . '], [/<br \/>/g, ' '], [/,/g, ' , '], [/\(/g, ' ( '], [/\)/g, ' ) '],
      [/!/g, ' ! '], [/\?/g, ' ? '], [/;/g, ' '], [/:/g, ' '], [/[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' '],
    ];
    const reference = (line: string) => {
      let s = line.toLowerCase();
      for (const [re, sub] of rules) s = s.replace(re, sub);
      return s.split(' ').filter((t) => t !== '');
    };
    const alphabet = ['a', 'B', 'é', "'", '"', '.', ',', '(', ')', '!', '?', ';', ':', ' ', '\t', '\n', '\x1c', '\xa0', '\u2003', '\ufeff', '<br />', '<br" />', '<br', ' />', 'İ', '🤗'];
    let seed = 1;
    for (let n = 0; n < 2000; n++) {
      let line = '';
      const len = n % 17;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        line += alphabet[seed % alphabet.length];
      }
      expect(basicEnglishNormalize(line)).toEqual(reference(line));
    }
  });

  it('gives no tokens for an empty or blank line', () => {
    expect(basicEnglishNormalize('')).toEqual([]);
    expect(basicEnglishNormalize(' \t\n')).toEqual([]);
  });
});
