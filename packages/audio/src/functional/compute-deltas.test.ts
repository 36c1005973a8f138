import { ones, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { computeDeltas } from './compute-deltas';

describe('computeDeltas', () => {
  const fx = fixture('ta_deltas_stretch');
  const feats = toTensor(fx.inputs.features);

  it('matches torchaudio with the default window, a 7-frame reflect window and an even constant one', () => {
    expectClose(computeDeltas(feats), fx.expected.deltas_default, 1e-5, 1e-6);
    expectClose(computeDeltas(feats, { winLength: 7, mode: 'reflect' }), fx.expected.deltas_7_reflect, 1e-5, 1e-6);
    expectClose(computeDeltas(feats, { winLength: 4, mode: 'constant' }), fx.expected.deltas_4_constant, 1e-5, 1e-6);
  });

  it('is 1 per frame on a ramp away from the ends', () => {
    const d = computeDeltas(tensor([[0, 1, 2, 3, 4, 5, 6]])).dataSync();
    [0.5, 0.8, 1, 1, 1, 0.8, 0.5].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 6));
  });

  it('rejects windows shorter than 3 and unknown modes', () => {
    expect(() => computeDeltas(ones([2, 5]), { winLength: 2 })).toThrowError(new ValueError('computeDeltas: window length should be greater than or equal to 3, got winLength=2'));
    expect(() => computeDeltas(ones([2, 5]), { mode: 'edge' as never })).toThrowError(new ValueError("computeDeltas: mode must be one of 'reflect', 'constant', 'replicate', 'circular', got 'edge'"));
  });
});
