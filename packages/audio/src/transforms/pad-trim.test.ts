import { arange, ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { PadTrim } from './pad-trim';

describe('PadTrim', () => {
  it('pads the time dimension with fillValue or trims it to maxLen', () => {
    const x = arange(6).reshape([2, 3]);
    expect(new PadTrim(5)(x).tolist()).toEqual([[0, 1, 2, 0, 0], [3, 4, 5, 0, 0]]);
    expect(new PadTrim(4, { fillValue: -1 })(x).tolist()).toEqual([[0, 1, 2, -1], [3, 4, 5, -1]]);
    expect(new PadTrim(2)(x).tolist()).toEqual([[0, 1], [3, 4]]);
    expect(new PadTrim(3)(x)).toBe(x);
  });

  it('pads the first dimension of [time, channel] with channelsFirst false', () => {
    const x = arange(6).reshape([3, 2]);
    expect(new PadTrim(4, { channelsFirst: false })(x).tolist()).toEqual([[0, 1], [2, 3], [4, 5], [0, 0]]);
    expect(new PadTrim(1, { channelsFirst: false })(x).tolist()).toEqual([[0, 1]]);
  });

  it("prints torchaudio 0.2's text and rejects too many channels or other ranks", () => {
    expect(String(new PadTrim(16000))).toBe('PadTrim(max_len=16000)');
    expect(() => new PadTrim(10)(ones([200, 5]))).toThrowError(new ValueError('PadTrim: too many channels (200) detected, see the channelsFirst option (shape [200, 5])'));
    expect(() => new PadTrim(10)(ones([5]))).toThrowError(new ShapeError('PadTrim: expected a 2-D signal ([channel, time]), got shape [5]'));
    expect(() => new PadTrim(-1)).toThrowError(new ValueError('PadTrim: expected maxLen to be a non-negative integer, got -1'));
  });
});
