import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor, quietFilterbankWarnings } from '../../test/fixtures/transforms/load';
import { MFCC } from './mfcc';

describe('MFCC', () => {
  quietFilterbankWarnings();
  it('matches torchaudio on the reference clip (13 coefficients, 40 mels) within 1e-3', () => {
    const fx = fixture('audio_mfcc');
    const y = new MFCC(16000, { nMfcc: 13, melkwargs: { nFft: 400, hopLength: 160, nMels: 40 } })(toTensor(fx.inputs.waveform));
    expectClose(y, fx.expected.y, 1e-3, 1e-3);
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it('matches torchaudio with log mels and no DCT norm, and with the dB default on another setup', () => {
    const fx = fixture('ta_features');
    const x = toTensor(fx.inputs.waveform);
    const a = new MFCC({ sampleRate: 16000, nMfcc: 8, norm: null, logMels: true, melkwargs: { nFft: 128, hopLength: 64, nMels: 20 } })(x);
    expect(errors(a, fx.expected.mfcc_logmels_nonorm).maxRel).toBeLessThan(1e-5);
    const b = new MFCC(16000, { nMfcc: 10, melkwargs: { nFft: 256, hopLength: 128, nMels: 24 } })(x);
    expect(errors(b, fx.expected.mfcc_default_small).maxRel).toBeLessThan(1e-5);
  });

  it('rejects other DCT types and more coefficients than mel bins', () => {
    expect(() => new MFCC({ dctType: 3 })).toThrowError(new ValueError('MFCC: DCT type not supported: 3 (only 2)'));
    expect(() => new MFCC({ nMfcc: 50, melkwargs: { nMels: 40 } })).toThrowError(new ValueError('MFCC: cannot select more MFCC coefficients than mel bins (nMfcc=50, nMels=40)'));
  });
});
