import { ArgumentTypeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Pipeline } from './pipeline';

describe('Pipeline', () => {
  it('converts each element of a list, or the value, through its pipes in order', () => {
    const p = new Pipeline((s: string) => s.toLowerCase());
    p.addAfter((s: string) => `${s}!`).addBefore(new Pipeline((s: string) => s.trim()));
    expect(p.call([' A', 'B '])).toEqual(['a!', 'b!']);
    expect(p.call(' C ')).toBe('c!');
    expect(p.pipes.length).toBe(3);
    expect(new Pipeline().call([1, 2])).toEqual([1, 2]);
    expect(new Pipeline((x: number, k: number) => x * k).call([1, 2], 10)).toEqual([10, 20]);
  });

  it('refuses a convertToken that is not a function', () => {
    expect(() => new Pipeline(3 as never)).toThrow(ArgumentTypeError);
    expect(() => new Pipeline(3 as never)).toThrow('Pipeline: convertToken must be a function or null, got number');
  });
});
