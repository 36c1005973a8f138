import { describe, expect, it } from 'vitest';
import { hashWord, slotCount, WordTable } from './word-table';

describe('WordTable', () => {
  it('finds every word, the last index of a repeated one, and -1 for others', () => {
    const words = ['the', 'ß', '\u{1F600}', '', 'the', 'a b', ...Array.from({ length: 500 }, (_, i) => `w${i}`)];
    const table = WordTable.fromWords(words);
    expect(table.count).toBe(words.length);
    expect(table.indexOf('the')).toBe(4);
    expect(table.indexOf('')).toBe(3);
    expect(table.indexOf('\u{1F600}')).toBe(2);
    expect(table.indexOf('w499')).toBe(505);
    expect(table.indexOf('w500')).toBe(-1);
    expect(table.toMap().get('the')).toBe(4);
    expect(table.toMap().size).toBe(words.length - 1);
  });

  it('answers from its stored parts alone, as a cached table does (no strings kept)', () => {
    const words = ['café', 'naïve', '.\u00a0.\u00a0.', 'x'];
    const { parts } = WordTable.fromWords(words);
    const stored = new WordTable({ blob: Uint8Array.from(parts.blob), offsets: parts.offsets.slice(), hashes: parts.hashes.slice(), slots: parts.slots.slice() });
    expect(stored.all()).toEqual(words);
    expect(words.map((w) => stored.indexOf(w))).toEqual([0, 1, 2, 3]);
    expect(stored.indexOf('cafe')).toBe(-1);
    expect(WordTable.validate(parts)).toBeUndefined();
  });

  it('names what is inconsistent in stored parts', () => {
    const { parts } = WordTable.fromWords(['a', 'b']);
    expect(WordTable.validate({ ...parts, hashes: new Uint32Array(1) })).toBe('it has 1 word hashes for 2 words');
    expect(WordTable.validate({ ...parts, offsets: Uint32Array.from([0, 3, 2]) })).toBe('its word offsets decrease at word 1');
    expect(WordTable.validate({ ...parts, slots: new Uint32Array(4).fill(3) })).toBe('its word index points past the 2 words');
    expect(WordTable.validate({ ...parts, slots: new Uint32Array(4).fill(1) })).toBe('its word index has 4 entries for 2 words');
    expect(WordTable.validate({ ...parts, slots: new Uint32Array(8) })).toBe('its word index has 8 slots, expected 4');
  });

  it('hashes with FNV-1a over UTF-16 code units, and sizes the index at least twice the words', () => {
    expect(hashWord('')).toBe(0x811c9dc5);
    expect(hashWord('a')).toBe(0xe40c292c);
    expect([slotCount(0), slotCount(1), slotCount(3), slotCount(400_000)]).toEqual([2, 2, 8, 1_048_576]);
  });
});
