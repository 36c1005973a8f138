import { describe, expect, it } from 'vitest';
import { tokenizerFixture } from './tokenizer-fixtures';
import { toktokTokenize } from './toktok';

describe('toktokTokenize', () => {
  it.each(tokenizerFixture.cases.map((c) => [c.input, c.toktok] as const))("gives NLTK's ToktokTokenizer tokens for %j", (input, tokens) => {
    expect(toktokTokenize(input)).toEqual(tokens);
  });
});
