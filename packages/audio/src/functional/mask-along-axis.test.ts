import { Generator, manualSeed, ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixture, toTensor } from '../../test/fixtures/transforms/load';
import { maskAlongAxis } from './mask-along-axis';
import { maskAlongAxisIid } from './mask-along-axis-iid';

const maskOf = (out: { dataSync(): ArrayLike<number> }, input: { dataSync(): ArrayLike<number> }) => {
  const a = out.dataSync();
  const b = input.dataSync();
  return Array.from(b, (v, i) => Number(a[i] !== v));
};

describe('maskAlongAxis and maskAlongAxisIid', () => {
  const fx = fixture('ta_masking');
  const spec = toTensor(fx.inputs.spec);
  const batch = toTensor(fx.inputs.batch);

  it("mask torchaudio's intervals after the same seed (time, time with p, frequency with a value)", () => {
    manualSeed(0);
    expect(maskOf(maskAlongAxis(spec, 20, 0, 2), spec)).toEqual(fx.expected.time_20_s0.data);
    manualSeed(1);
    expect(maskOf(maskAlongAxis(spec, 25, 0, 2, { p: 0.3 }), spec)).toEqual(fx.expected.time_25_p_s1.data);
    const g = new Generator(1);
    const masked = maskAlongAxis(spec, 8, -1, 1, { generator: g });
    expect(maskOf(masked, spec)).toEqual(fx.expected.freq_8_value_s1.data);
    expect(Math.min(...Array.from(masked.dataSync()))).toBe(-1);
  });

  it("mask torchaudio's per-example intervals after the same seed", () => {
    manualSeed(2);
    expect(maskOf(maskAlongAxisIid(batch, 6, 0, 2), batch)).toEqual(fx.expected.freq_iid_s2.data);
    manualSeed(4);
    expect(maskOf(maskAlongAxisIid(batch, 15, 0, 3, { p: 0.5 }), batch)).toEqual(fx.expected.time_iid_s4.data);
  });

  it('mask nothing when p leaves no room, and one contiguous run otherwise', () => {
    expect(maskAlongAxis(spec, 10, 0, 2, { p: 0.01 })).toBe(spec);
    const m = maskOf(maskAlongAxis(ones([1, 1, 50]).add(1), 40, 0, 2, { generator: new Generator(3) }), ones([1, 1, 50]).add(1));
    const first = m.indexOf(1);
    const last = m.lastIndexOf(1);
    expect(m.slice(first, last + 1).every((v) => v === 1)).toBe(true);
  });

  it('reject other axes, p outside [0, 1] and non-4-D iid input', () => {
    expect(() => maskAlongAxis(spec, 5, 0, 0)).toThrowError(new ValueError('maskAlongAxis: only frequency (axis 1) and time (axis 2) masking are supported, got axis 0'));
    expect(() => maskAlongAxis(spec, 5, 0, 2, { p: 1.5 })).toThrowError(new ValueError('maskAlongAxis: the value of p must be between 0.0 and 1.0, got 1.5'));
    expect(() => maskAlongAxisIid(spec, 5, 0, 2)).toThrowError(new ShapeError('maskAlongAxisIid: expected specgrams of shape [batch, channel, freq, time] (4 dimensions), got shape [2, 12, 30]'));
    expect(() => maskAlongAxisIid(batch, 5, 0, 1)).toThrowError(new ValueError('maskAlongAxisIid: only frequency (axis 2) and time (axis 3) masking are supported, got axis 1'));
    expect(() => maskAlongAxis(spec, -1, 0, 2)).toThrowError(new ValueError('maskAlongAxis: expected maskParam to be a non-negative integer, got -1'));
  });
});
