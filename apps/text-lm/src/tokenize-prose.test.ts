import { describe, expect, it } from 'vitest';
import { tokenizeProse } from './tokenize-prose';

describe('tokenizeProse', () => {
  it("splits Melville's em dashes off the words they join", () => {
    expect(tokenizeProse('Some years ago—never mind how long precisely—having')).toEqual(['some', 'years', 'ago', '—', 'never', 'mind', 'how', 'long', 'precisely', '—', 'having']);
  });
  it("keeps basic_english's rules: lowercase, punctuation split off, quotes and semicolons dropped", () => {
    expect(tokenizeProse('"Call me Ishmael," said he; "it\'s Ahab!"')).toEqual(['call', 'me', 'ishmael', ',', 'said', 'he', 'it', "'", 's', 'ahab', '!']);
  });
});
