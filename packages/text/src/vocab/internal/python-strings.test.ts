import { describe, expect, it } from 'vitest';
import { comparePython, pythonStrip } from './python-strings';

describe('comparePython', () => {
  it("sorts by code point, as Python's sorted() (astral characters after U+E000-U+FFFF)", () => {
    const words = ['\u{1F600}', '\uFFFD', 'b', 'a', 'ab', '', '\uE000', 'Z', '\u{10000}'];
    expect([...words].sort(comparePython)).toEqual(['', 'Z', 'a', 'ab', 'b', '\uE000', '\uFFFD', '\u{10000}', '\u{1F600}']);
    expect(comparePython('same', 'same')).toBe(0);
  });
});

describe('pythonStrip', () => {
  it("strips Python's whitespace: \\x1c-\\x1f and \\x85 too, but not U+FEFF", () => {
    expect(pythonStrip(' \t\x1c\x85\u3000word\u00a0\n')).toBe('word');
    expect(pythonStrip('\ufeffword')).toBe('\ufeffword');
    expect(pythonStrip('in side')).toBe('in side');
  });
});
