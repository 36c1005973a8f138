import { ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { errors, expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { AmplitudeToDB } from './amplitude-to-db';
import { Spectrogram } from './spectrogram';

describe('AmplitudeToDB', () => {
  it('matches torchaudio on the reference clip: AmplitudeToDB("power", 80) of Spectrogram(nFft 256)', () => {
    const fx = fixture('audio_amplitude_to_db');
    const y = new AmplitudeToDB('power', 80)(new Spectrogram({ nFft: 256 })(toTensor(fx.inputs.waveform)));
    expectClose(y, fx.expected.y, 1e-3, 1e-3);
    expect(errors(y, fx.expected.y).maxAbs).toBeLessThan(5e-3);
  });

  it('uses 20 log10 for magnitudes', () => {
    const fx = fixture('ta_amplitude');
    expectClose(new AmplitudeToDB('magnitude', 40)(toTensor(fx.inputs.magnitude)), fx.expected.db_magnitude_topdb, 1e-5, 1e-4);
    const t = new AmplitudeToDB();
    expect([t.stype, t.topDb, t.multiplier, t.amin, t.refValue, t.dbMultiplier]).toEqual(['power', null, 10, 1e-10, 1, 0]);
  });

  it('rejects a negative topDb and unknown scales', () => {
    expect(() => new AmplitudeToDB('power', -1)).toThrowError(new ValueError('AmplitudeToDB: topDb must be a positive value, got -1'));
    expect(() => new AmplitudeToDB('energy' as never)).toThrowError(new ValueError("AmplitudeToDB: stype must be one of 'power', 'magnitude', got 'energy'"));
  });
});
