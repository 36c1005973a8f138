import { tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { muLawDecoding } from './mu-law-decoding';
import { muLawEncoding } from './mu-law-encoding';

describe('muLawEncoding and muLawDecoding', () => {
  it("give torchaudio's codes on the 1 s reference clip and at 16 levels", () => {
    const ref = fixture('audio_mulaw_encoding');
    const codes = muLawEncoding(toTensor(ref.inputs.waveform), 256);
    expect(codes.dtype).toBe('int32');
    expect(Array.from(codes.dataSync())).toEqual(ref.expected.y.data);
    const fx = fixture('ta_amplitude');
    expect(Array.from(muLawEncoding(toTensor(fx.inputs.mulaw_in), 16).dataSync())).toEqual(fx.expected.mulaw16.data);
  });

  it("decode torchaudio's levels, and accept integer input", () => {
    const fx = fixture('ta_amplitude');
    expectClose(muLawDecoding(toTensor(fx.inputs.mulaw_codes), 256), fx.expected.mulaw_decode, 1e-5, 1e-7);
    expect(muLawEncoding(tensor([-1, 0, 1], { dtype: 'int32' }), 256).tolist()).toEqual([0, 128, 255]);
  });

  it('reject fewer than 2 quantization channels', () => {
    expect(() => muLawEncoding(tensor([0]), 1)).toThrowError(new ValueError('muLawEncoding: expected quantizationChannels to be an integer >= 2, got 1'));
    expect(() => muLawDecoding(tensor([0]), 2.5)).toThrowError(new ValueError('muLawDecoding: expected quantizationChannels to be an integer, got 2.5'));
  });
});
