import { describe, expect, it } from 'vitest';
import { REVTOK_CAP, revtokDetokenize, revtokTokenize, revtokTokenizer } from './revtok';
import { tokenizerFixture } from './tokenizer-fixtures';

const cases = tokenizerFixture.cases.map((c) => [c.input, c] as const);

describe('revtokTokenize', () => {
  it.each(cases)("gives revtok's tokens for %j", (input, c) => {
    expect(revtokTokenize(input)).toEqual(c.revtok);
    expect(revtokTokenizer()(input)).toEqual(c.revtok);
  });

  it.each(cases.filter(([, c]) => c.revtok_decap !== null))("gives revtok's decapitalized tokens for %j", (input, c) => {
    expect(revtokTokenize(input, { decap: true })).toEqual(c.revtok_decap);
    expect(revtokTokenizer(true)(input)).toEqual(c.revtok_decap);
  });

  it('keeps a lone-space token as it is where revtok would raise IndexError', () => {
    // A leading space makes a first token ' ', on which revtok's decapitalize indexes past the end.
    expect(revtokTokenize(' Ab')).toEqual([' ', ' Ab ']);
    expect(revtokTokenize(' Ab', { decap: true })).toEqual([' ', `${REVTOK_CAP} ab `]);
  });

  it('marks decapitalized words and keeps punctuation apart unless asked', () => {
    expect(revtokTokenize('Hello World', { decap: true })).toEqual([`${REVTOK_CAP} hello `, `${REVTOK_CAP} world `]);
    expect(revtokTokenize('a?!', { splitPunctuation: false })).toEqual([' a ', '?! ']);
    expect(revtokTokenize('a?!')).toEqual([' a ', '? ', '! ']);
  });
});

describe('revtokDetokenize', () => {
  it.each(cases)('restores the text of %j exactly, as revtok does', (input, c) => {
    expect(revtokDetokenize(revtokTokenize(input))).toBe(c.revtok_roundtrip);
    expect(c.revtok_roundtrip).toBe(input);
  });

  it('re-capitalizes decapitalized words', () => {
    const s = 'Hello World, This is Über.';
    expect(revtokDetokenize(revtokTokenize(s, { decap: true }))).toBe(s);
  });
});
