import { ones, ShapeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor, quietFilterbankWarnings } from '../../test/fixtures/transforms/load';
import { MelScale } from './mel-scale';
import { Spectrogram } from './spectrogram';

describe('MelScale', () => {
  quietFilterbankWarnings();
  it('turns a spectrogram into the reference mel spectrogram', () => {
    const fx = fixture('audio_melspectrogram');
    const spec = new Spectrogram({ nFft: 400, hopLength: 160 })(toTensor(fx.inputs.waveform));
    const y = new MelScale({ nMels: 40, sampleRate: 16000, nStft: 201 })(spec);
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it("uses torchaudio's defaults and checks the number of bins", () => {
    const m = new MelScale();
    expect([m.nMels, m.sampleRate, m.fMin, m.fMax, m.norm, m.melScale, m.fb.shape]).toEqual([128, 16000, 0, 8000, null, 'htk', [201, 128]]);
    expect(() => m(ones([1, 100, 5]))).toThrowError(new ShapeError('MelScale: expected a spectrogram with 201 frequency bins (nStft), got shape [1, 100, 5]'));
  });
});
