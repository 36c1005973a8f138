import { ShapeError, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { amplitudeToDB } from './amplitude-to-db';
import { DBToAmplitude } from './db-to-amplitude';

describe('amplitudeToDB and DBToAmplitude', () => {
  const fx = fixture('ta_amplitude');

  it('match torchaudio for magnitudes, 4-D power batches clipped per item, and 2-D input', () => {
    expectClose(amplitudeToDB(toTensor(fx.inputs.magnitude), 20, 1e-10, 0, 40), fx.expected.db_magnitude_topdb, 1e-5, 1e-4);
    expectClose(amplitudeToDB(toTensor(fx.inputs.power4d), 10, 1e-10, 0, 30), fx.expected.db_power_4d_topdb, 1e-5, 1e-4);
    const power4d = toTensor(fx.inputs.power4d);
    expectClose(amplitudeToDB(power4d.select(0, 0).select(0, 0), 10, 1e-10, 0, 20), fx.expected.db_power_2d_topdb, 1e-5, 1e-4);
    expectClose(amplitudeToDB(power4d, 10, 1e-10, 0), fx.expected.db_power_none, 1e-5, 1e-4);
    expectClose(DBToAmplitude(toTensor(fx.inputs.db), 2, 0.5), fx.expected.db_to_amp, 1e-5, 1e-8);
  });

  it('clips at topDb below the maximum and clamps at amin', () => {
    expect(amplitudeToDB(tensor([[1, 0.1, 0]]), 10, 1e-10, 0).tolist()).toEqual([[0, -10, -100]]);
    expect(amplitudeToDB(tensor([[1, 0.1, 0]]), 10, 1e-10, 0, 5).tolist()).toEqual([[0, -5, -5]]);
  });

  it('rejects topDb on a 1-D input and a non-positive amin', () => {
    expect(() => amplitudeToDB(tensor([1, 2]), 10, 1e-10, 0, 80)).toThrowError(new ShapeError('amplitudeToDB: topDb needs a spectrogram of shape [..., freq, time], got shape [2]'));
    expect(() => amplitudeToDB(tensor([1, 2]), 10, 0, 0)).toThrowError(new ValueError('amplitudeToDB: amin must be positive, got 0'));
  });
});
