import { Generator, manualSeed, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixture, toTensor } from '../../test/fixtures/transforms/load';
import { FrequencyMasking } from './frequency-masking';
import { TimeMasking } from './time-masking';

const maskOf = (out: { dataSync(): ArrayLike<number> }, input: { dataSync(): ArrayLike<number> }) => {
  const a = out.dataSync();
  return Array.from(input.dataSync(), (v, i) => Number(a[i] !== v));
};

describe('TimeMasking and FrequencyMasking', () => {
  const fx = fixture('ta_masking');
  const spec = toTensor(fx.inputs.spec);
  const batch = toTensor(fx.inputs.batch);

  it("mask what torchaudio masks after torch.manual_seed with the same seed", () => {
    manualSeed(0);
    expect(maskOf(new TimeMasking(20)(spec), spec)).toEqual(fx.expected.time_20_s0.data);
    manualSeed(1);
    expect(maskOf(new TimeMasking(25, { p: 0.3 })(spec), spec)).toEqual(fx.expected.time_25_p_s1.data);
    manualSeed(1);
    expect(maskOf(new FrequencyMasking(8)(spec, -1), spec)).toEqual(fx.expected.freq_8_value_s1.data);
    manualSeed(5);
    expect(maskOf(new TimeMasking(10)(new FrequencyMasking(5)(spec)), spec)).toEqual(fx.expected.twice_s5.data);
  });

  it('draw a mask per example and channel with iidMasks on a 4-D batch', () => {
    manualSeed(2);
    expect(maskOf(new FrequencyMasking(6, { iidMasks: true })(batch), batch)).toEqual(fx.expected.freq_iid_s2.data);
    const t = new TimeMasking(15, { iidMasks: true, p: 0.5, generator: new Generator(4) });
    expect(maskOf(t(batch), batch)).toEqual(fx.expected.time_iid_s4.data);
  });

  it('reject p outside [0, 1] and negative mask lengths', () => {
    expect(() => new TimeMasking(10, { p: 2 })).toThrowError(new ValueError('TimeMasking: the value of p must be between 0.0 and 1.0, got 2'));
    expect(() => new FrequencyMasking(-2)).toThrowError(new ValueError('FrequencyMasking: expected maskParam to be a non-negative integer, got -2'));
  });
});
