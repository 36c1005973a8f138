import { describe, expect, it } from 'vitest';
import { parseFloatBytes, pythonFloat } from './python-float';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('pythonFloat', () => {
  it("reads what Python's float() reads", () => {
    expect(pythonFloat('1_000.25')).toBe(1000.25);
    expect(pythonFloat(' -.5 ')).toBe(-0.5);
    expect(pythonFloat('5.')).toBe(5);
    expect(pythonFloat('+1E-3')).toBe(0.001);
    expect(pythonFloat('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(pythonFloat('inf')).toBe(Number.POSITIVE_INFINITY);
    expect(pythonFloat('NaN')).toBeNaN();
    expect(Object.is(pythonFloat('-0'), -0)).toBe(true);
  });

  it("refuses what Python's float() refuses (some of which JavaScript's Number() takes)", () => {
    for (const s of ['', ' ', '0x10', '0b1', '1__0', '_1', '1_', '.', 'e5', '1e', '1.2.3', 'infinit', '--1', '1 2']) expect([s, pythonFloat(s)]).toEqual([s, undefined]);
  });
});

describe('parseFloatBytes', () => {
  it('gives the correctly rounded double, as Python, for plain decimals and the fallback spellings', () => {
    const ok = new Uint8Array(1);
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6);
      for (const s of [v.toFixed(6), v.toPrecision(17), v.toExponential(5), String(v)]) {
        const b = bytes(s);
        if (!Object.is(parseFloatBytes(b, 0, b.length, ok), Number(s)) || ok[0] !== 1) wrong.push(s);
      }
    }
    expect(wrong).toEqual([]);
    const nan = bytes('nan');
    expect(parseFloatBytes(nan, 0, 3, ok)).toBeNaN();
    expect(ok[0]).toBe(1);
    const bad = bytes('12abc');
    parseFloatBytes(bad, 0, bad.length, ok);
    expect(ok[0]).toBe(0);
  });
});
