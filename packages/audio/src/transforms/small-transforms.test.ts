import { manualSeed, ones, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { ComputeDeltas } from './compute-deltas';
import { MuLawDecoding } from './mu-law-decoding';
import { MuLawEncoding } from './mu-law-encoding';
import { SlidingWindowCmn } from './sliding-window-cmn';
import { SpectralCentroid } from './spectral-centroid';
import { Vad } from './vad';

describe('MuLawEncoding and MuLawDecoding', () => {
  it('match torchaudio on the reference clip and round-trip within one level', () => {
    const fx = fixture('audio_mulaw_encoding');
    const x = toTensor(fx.inputs.waveform);
    const codes = new MuLawEncoding()(x);
    expect(Array.from(codes.dataSync())).toEqual(fx.expected.y.data);
    expect(new MuLawDecoding()(codes).sub(x).abs().max().item()).toBeLessThan(0.05);
    expect(() => new MuLawEncoding(0)).toThrowError(new ValueError('MuLawEncoding: expected quantizationChannels to be an integer >= 2, got 0'));
  });
});

describe('ComputeDeltas', () => {
  it('matches torchaudio', () => {
    const fx = fixture('ta_deltas_stretch');
    expectClose(new ComputeDeltas(7, 'reflect')(toTensor(fx.inputs.features)), fx.expected.deltas_7_reflect, 1e-5, 1e-6);
    expect(() => new ComputeDeltas(1)).toThrowError(new ValueError('ComputeDeltas: window length should be greater than or equal to 3, got winLength=1'));
  });
});

describe('SpectralCentroid', () => {
  it('matches torchaudio', () => {
    const fx = fixture('ta_features');
    const y = new SpectralCentroid(16000, { nFft: 128, hopLength: 50, pad: 4 })(toTensor(fx.inputs.waveform));
    expect(errors(y, fx.expected.centroid).maxRel).toBeLessThan(1e-5);
    expect(() => new SpectralCentroid(-1)).toThrowError(new ValueError('SpectralCentroid: sampleRate must be positive, got -1'));
  });
});

describe('SlidingWindowCmn', () => {
  it('matches torchaudio', () => {
    const fx = fixture('ta_sliding_window_cmn');
    expectClose(new SlidingWindowCmn({ cmnWindow: 9, center: true, normVars: true })(toTensor(fx.inputs.specgram)), fx.expected.window9_center_vars, 1e-4, 1e-4);
    const t = new SlidingWindowCmn();
    expect([t.cmnWindow, t.minCmnWindow, t.center, t.normVars]).toEqual([600, 100, false, false]);
  });
});

describe('Vad', () => {
  it('trims where torchaudio does', () => {
    const fx = fixture('ta_vad');
    const y = new Vad(fx.params.sample_rate as number)(toTensor(fx.inputs.mono));
    expect(y.shape).toEqual([fx.expected['mono.length'].data[0]]);
    expect(() => new Vad(0)).toThrowError(new ValueError('Vad: sampleRate must be positive, got 0'));
    manualSeed(0);
    expect(new Vad(16000)(ones([100])).shape).toEqual([100]);
    expect(new Vad(16000)(tensor([[0.5, 0.5]])).shape).toEqual([1, 2]);
  });
});
