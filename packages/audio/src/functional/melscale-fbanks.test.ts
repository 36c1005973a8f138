import { ValueError } from '@dl/core';
import { describe, expect, it, vi } from 'vitest';
import { expectClose, fixture } from '../../test/fixtures/transforms/load';
import { createDct } from './create-dct';
import { EmptyFilterbankWarning } from './empty-filterbank-warning';
import { linearFbanks } from './linear-fbanks';
import { melscaleFbanks } from './melscale-fbanks';

describe('melscaleFbanks, linearFbanks, createDct', () => {
  const fx = fixture('ta_filterbanks');
  const p = fx.params as Record<string, never[]>;

  it("match torchaudio's filterbanks (HTK and Slaney scales, Slaney norm, fMin/fMax) and DCT matrices", () => {
    for (const name of ['mel_htk', 'mel_slaney_norm', 'mel_slaney_scale_fmin', 'mel_htk_norm_odd_rate']) {
      const [nFreqs, fMin, fMax, nMels, sr, norm, melScale] = p[name];
      expectClose(melscaleFbanks(nFreqs, fMin, fMax, nMels, sr, { norm, melScale }), fx.expected[name], 1e-5, 1e-7);
    }
    for (const name of ['linear', 'linear_range']) {
      const [nFreqs, fMin, fMax, nFilter, sr] = p[name];
      expectClose(linearFbanks(nFreqs, fMin, fMax, nFilter, sr), fx.expected[name], 1e-5, 1e-7);
    }
    expectClose(createDct(6, 10, 'ortho'), fx.expected.dct_ortho, 1e-6, 1e-7);
    expectClose(createDct(5, 9, null), fx.expected.dct_none, 1e-6, 1e-7);
  });

  it('emit an EmptyFilterbankWarning (a process warning) when nMels is too high for the bins, as torchaudio warns', () => {
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const fb = melscaleFbanks(17, 0, 8000, 64, 16000);
      expect(fb.shape).toEqual([17, 64]);
      const w = spy.mock.calls.map((c) => c[0]).find((e) => e instanceof EmptyFilterbankWarning) as Error | undefined;
      expect(w?.message).toBe('At least one mel filterbank has all zero values. The value for nMels (64) may be set too high. Or, the value for nFreqs (17) may be set too low.');
      expect(w?.name).toBe('EmptyFilterbankWarning');
      spy.mockClear();
      melscaleFbanks(201, 0, 8000, 40, 16000);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('reject bad norms, scales, rates and ranges', () => {
    expect(() => melscaleFbanks(201, 0, 8000, 40, 16000, { norm: 'area' as never })).toThrowError(new ValueError("melscaleFbanks: norm must be one of null or 'slaney', got 'area'"));
    expect(() => melscaleFbanks(201, 0, 8000, 40, 16000, { melScale: 'mel' as never })).toThrowError(new ValueError("melscaleFbanks: melScale must be one of 'htk', 'slaney', got 'mel'"));
    expect(() => melscaleFbanks(201, 0, 8000, 40, 0)).toThrowError(new ValueError('melscaleFbanks: sampleRate must be positive, got 0'));
    expect(() => melscaleFbanks(201, 4000, 3000, 40, 16000)).toThrowError(new ValueError('melscaleFbanks: require fMin <= fMax, got fMin=4000 and fMax=3000'));
    expect(() => melscaleFbanks(201, 0, 8000, 0, 16000)).toThrowError(new ValueError('melscaleFbanks: expected nMels to be a positive integer, got 0'));
    expect(() => linearFbanks(0, 0, 8000, 10, 16000)).toThrowError(new ValueError('linearFbanks: expected nFreqs to be a positive integer, got 0'));
    expect(() => createDct(13, 40, 'orthonormal' as never)).toThrowError(new ValueError("createDct: norm must be either 'ortho' or null, got 'orthonormal'"));
  });
});
