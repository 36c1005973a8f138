import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { hannWindow } from './hann-window';
import { spectralCentroid } from './spectral-centroid';

describe('spectralCentroid', () => {
  it('matches torchaudio', () => {
    const fx = fixture('ta_features');
    const y = spectralCentroid(toTensor(fx.inputs.waveform), 16000, 4, hannWindow(128), 128, 50, 128);
    expect(y.shape).toEqual(fx.expected.centroid.shape);
    expect(errors(y, fx.expected.centroid).maxRel).toBeLessThan(1e-5);
  });

  it('rejects a non-positive sample rate', () => {
    const fx = fixture('ta_features');
    expect(() => spectralCentroid(toTensor(fx.inputs.waveform), 0, 0, hannWindow(128), 128, 50, 128)).toThrowError(new ValueError('spectralCentroid: sampleRate must be positive, got 0'));
  });
});
