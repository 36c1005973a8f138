import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor, quietFilterbankWarnings } from '../../test/fixtures/transforms/load';
import { LFCC } from './lfcc';

describe('LFCC', () => {
  quietFilterbankWarnings();
  it('matches torchaudio, with dB and with log features over a frequency range', () => {
    const fx = fixture('ta_features');
    const x = toTensor(fx.inputs.waveform);
    const a = new LFCC(16000, { nFilter: 20, nLfcc: 10, speckwargs: { nFft: 128, hopLength: 64 } })(x);
    expect(errors(a, fx.expected.lfcc).maxRel).toBeLessThan(1e-5);
    const b = new LFCC({ sampleRate: 16000, nFilter: 16, fMin: 100, fMax: 5000, nLfcc: 12, norm: null, logLf: true, speckwargs: { nFft: 100, hopLength: 50, center: false } })(x);
    expect(errors(b, fx.expected.lfcc_loglf_range).maxRel).toBeLessThan(1e-5);
    expect(Object.keys(new LFCC().stateDict())).toEqual(['filter_mat', 'dct_mat', 'Spectrogram.window']);
  });

  it('rejects other DCT types and more coefficients than FFT bins', () => {
    expect(() => new LFCC({ dctType: 1 })).toThrowError(new ValueError('LFCC: DCT type not supported: 1 (only 2)'));
    expect(() => new LFCC({ nLfcc: 100, speckwargs: { nFft: 64 } })).toThrowError(new ValueError('LFCC: cannot select more LFCC coefficients than FFT bins (nLfcc=100, nFft=64)'));
  });
});
