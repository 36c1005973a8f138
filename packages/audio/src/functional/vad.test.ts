import { ones, ShapeError, stack, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixture, toTensor } from '../../test/fixtures/transforms/load';
import { vad } from './vad';

describe('vad', () => {
  const fx = fixture('ta_vad');
  const mono = toTensor(fx.inputs.mono);
  const sr = fx.params.sample_rate as number;
  const length = (name: string) => fx.expected[`${name}.length`].data[0];

  it("trims the leading silence where torchaudio does (mono, a two-channel recording, SoX's options)", () => {
    const y = vad(mono, sr);
    expect(y.shape).toEqual([length('mono')]);
    expect(Array.from(y.dataSync().slice(0, 5))).toEqual(Array.from(mono.dataSync().slice(6000 - length('mono'), 6000 - length('mono') + 5)));
    const stereo = stack([mono, mono.roll(400).mul(0.5)]);
    expect(vad(stereo, sr).shape).toEqual([2, length('stereo')]);
    const o = fx.params.options as Record<string, number>;
    const options = { triggerLevel: o.trigger_level, triggerTime: o.trigger_time, searchTime: o.search_time, allowedGap: o.allowed_gap, preTriggerTime: o.pre_trigger_time, bootTime: o.boot_time, measureFreq: o.measure_freq, hpFilterFreq: o.hp_filter_freq, lpLifterFreq: o.lp_lifter_freq };
    expect(vad(mono, sr, options).shape).toEqual([length('options')]);
  });

  it('keeps audio without activity (as torchaudio slices it)', () => {
    expect(vad(mono.narrow(0, 0, 2000), sr).shape).toEqual([length('silence')]);
  });

  it('rejects batches, a non-positive sample rate and an empty lifter band', () => {
    expect(() => vad(ones([2, 2, 100]), 16000)).toThrowError(
      new ShapeError('vad: expected a waveform of shape [time] or [channel, time] (batches are not supported: the channels are trimmed together), got shape [2, 2, 100]'),
    );
    expect(() => vad(ones([100]), 0)).toThrowError(new ValueError('vad: sampleRate must be positive, got 0'));
    expect(() => vad(ones([100]), 16000, { hpLifterFreq: 3000 })).toThrowError(
      new ValueError('vad: expected cepstrumStart < cepstrumEnd (from lpLifterFreq, hpLifterFreq and the measurement length), got cepstrumStart=4 and cepstrumEnd=2'),
    );
  });
});
