import { ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectClose, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { slidingWindowCmn } from './sliding-window-cmn';

describe('slidingWindowCmn', () => {
  const fx = fixture('ta_sliding_window_cmn');
  const x = toTensor(fx.inputs.specgram);

  it('matches torchaudio for left and centred windows, with and without variance normalization', () => {
    for (const [name, raw] of Object.entries(fx.params)) {
      const p = raw as Record<string, never>;
      const input = name === 'two_d' ? x.select(0, 0) : x;
      const y = slidingWindowCmn(input, { cmnWindow: p.cmn_window, minCmnWindow: p.min_cmn_window, center: p.center, normVars: p.norm_vars });
      expectClose(y, fx.expected[name], 1e-4, 1e-4);
    }
  });

  it('is differentiable', () => {
    const v = x.detach().requiresGrad_();
    slidingWindowCmn(v, { cmnWindow: 10, normVars: true }).pow(2).sum().backward();
    expect(v.grad!.shape).toEqual(x.shape);
  });

  it('rejects a 1-D input and a window of 0', () => {
    expect(() => slidingWindowCmn(ones([5]))).toThrowError(new ShapeError('slidingWindowCmn: expected specgram of shape [..., time, freq] (at least 2 dimensions), got shape [5]'));
    expect(() => slidingWindowCmn(ones([5, 2]), { cmnWindow: 0 })).toThrowError(new ValueError('slidingWindowCmn: expected cmnWindow to be a positive integer, got 0'));
  });
});
