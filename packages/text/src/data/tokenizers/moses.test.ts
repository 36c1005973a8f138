import { describe, expect, it } from 'vitest';
import { TokenizerError } from '../../errors/tokenizer-error';
import { mosesTokenize, mosesTokenizer } from './moses';
import { tokenizerFixture } from './tokenizer-fixtures';

const cases = tokenizerFixture.cases.map((c) => [c.input, c] as const);

describe('mosesTokenize', () => {
  it.each(cases)("gives sacremoses' tokens for %j", (input, c) => {
    expect(mosesTokenize(input)).toEqual(c.moses);
  });

  it.each(cases)('gives sacremoses tokens without escaping for %j', (input, c) => {
    expect(mosesTokenize(input, { escape: false })).toEqual(c.moses_no_escape);
  });

  it.each(cases)('gives sacremoses tokens with aggressive dash splits for %j', (input, c) => {
    expect(mosesTokenize(input, { aggressiveDashSplits: true })).toEqual(c.moses_aggressive);
  });

  it("keeps protected patterns whole, as sacremoses' BASIC_PROTECTED_PATTERNS do", () => {
    const { input, moses } = tokenizerFixture.moses_protected;
    const url = /(http[s]?|ftp):\/\/[^:/\s]+(\/\w+)*\/[\w\-.]+/;
    expect(mosesTokenize(input, { protectedPatterns: [url] })).toEqual(moses);
    expect(mosesTokenize(input)).not.toEqual(moses);
  });

  it('is English only', () => {
    expect(mosesTokenizer('en')('Hello, Mr. Smith!')).toEqual(['Hello', ',', 'Mr.', 'Smith', '!']);
    expect(() => mosesTokenizer('de')).toThrow(TokenizerError);
    expect(() => mosesTokenizer('de')).toThrow("getTokenizer: the 'moses' tokenizer is ported for English only (sacremoses' lang='en' rules), got language 'de'");
  });
});
