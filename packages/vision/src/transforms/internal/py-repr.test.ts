import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloats, pyNumber, pySeq, pyValue } from './py-repr';
import { pyRound } from './py-round';

describe("Python's reprs", () => {
  it('prints floats as repr(float) does', () => {
    expect([1, 0.5, -0, 1e-5, 0.0001, 1.5e16, 1e16, 123456789012345.6, Number.NaN, -Infinity].map(pyFloat)).toEqual([
      '1.0', '0.5', '-0.0', '1e-05', '0.0001', '1.5e+16', '1e+16', '123456789012345.6', 'nan', '-inf',
    ]);
    expect(pyNumber(3)).toBe('3');
    expect(pyNumber(0.25)).toBe('0.25');
  });

  it('prints lists, tuples and values as an f-string does', () => {
    expect(pySeq([1, 2], 'tuple')).toBe('(1, 2)');
    expect(pySeq([1], 'tuple')).toBe('(1,)');
    expect(pyFloats([-30, 30], 'list')).toBe('[-30.0, 30.0]');
    expect([null, undefined, true, false, 'random', [1, [2, 0.5]]].map(pyValue)).toEqual(['None', 'None', 'True', 'False', 'random', '[1, [2, 0.5]]']);
  });

  it("rounds as Python's round: ties to even, and to digits", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999].map((x) => pyRound(x))).toEqual([0, 2, 2, -0, -2, 2]);
    expect(pyRound(4 / 3, 4)).toBe(1.3333);
  });
});
