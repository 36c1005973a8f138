import { manualSeed, ones, ShapeError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor, quietFilterbankWarnings } from '../../test/fixtures/transforms/load';
import { InverseMelScale } from './inverse-mel-scale';

describe('InverseMelScale', () => {
  quietFilterbankWarnings();
  it("reproduces torchaudio's SGD estimate after the same seed", () => {
    const fx = fixture('ta_inverse_mel_scale');
    manualSeed(3);
    const y = new InverseMelScale(17, { nMels: 6, sampleRate: 16000, maxIter: 40 })(toTensor(fx.inputs.melspec));
    expect(y.shape).toEqual(fx.expected.y.shape);
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-4);
  });

  it('rejects a mel spectrogram with another number of mel bins', () => {
    expect(() => new InverseMelScale(17, { nMels: 6 })(ones([1, 5, 3]))).toThrowError(new ShapeError('InverseMelScale: expected an input with 6 mel bins, got shape [1, 5, 3]'));
  });
});
