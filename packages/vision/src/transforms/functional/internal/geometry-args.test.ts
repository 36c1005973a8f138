import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { imageFill, parseCropSize, pyMod, roundHalfEven, tensorFill } from './geometry-args';

describe('geometry argument helpers', () => {
  it("rounds like Python's round (ties to even)", () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, -0, -2, -2, 2, 3]);
  });

  it("takes the modulo like Python's float %", () => {
    expect(pyMod(-90, 360)).toBe(270);
    expect(pyMod(400, 360)).toBe(40);
    expect(pyMod(720, 360)).toBe(0);
    expect(pyMod(-0.5, 360)).toBe(359.5);
  });

  it("parses Image fills like torchvision's _parse_fill (truncated, clipped)", () => {
    expect(imageFill(undefined, 3, 'op')).toEqual([0, 0, 0]);
    expect(imageFill(7.9, 4, 'op')).toEqual([7, 7, 7, 7]);
    expect(imageFill([1, 300, -5], 3, 'op')).toEqual([1, 255, 0]);
    expect(() => imageFill([1], 3, 'op')).toThrow(ValueError);
    expect(() => imageFill('red', 3, 'op')).toThrow(ArgumentTypeError);
    expect(() => imageFill('red', 3, 'op')).toThrow('op: fill should be a number or a list of numbers, got string red');
  });

  it('parses tensor fills (one value broadcasts, none means zero padding without a mask)', () => {
    expect(tensorFill(undefined, 3, 'op')).toBeNull();
    expect(tensorFill(0.5, 3, 'op')).toEqual([0.5]);
    expect(tensorFill([0.1, 0.2, 0.3], 3, 'op')).toEqual([0.1, 0.2, 0.3]);
    expect(() => tensorFill([], 3, 'op')).toThrow('op: fill should hold at least one value, got []');
  });

  it('parses crop sizes', () => {
    expect(parseCropSize(4, 'op')).toEqual([4, 4]);
    expect(parseCropSize([4], 'op')).toEqual([4, 4]);
    expect(parseCropSize([4, 5], 'op')).toEqual([4, 5]);
    expect(() => parseCropSize([4.5, 5], 'op')).toThrow('op: size should hold non-negative integers, got [4.5, 5]');
  });
});
