import { ArgumentTypeError, ones, ShapeError, ValueError } from '@dl/core';
import { describe, expect, it, vi } from 'vitest';
import { errors, fixture, toTensor } from '../../test/fixtures/transforms/load';
import { hammingWindow } from '../functional/hamming-window';
import { kaiserWindow } from '../functional/kaiser-window';
import { Spectrogram } from './spectrogram';

describe('Spectrogram', () => {
  it('matches torchaudio on the reference clip, as the transform users call', () => {
    const fx = fixture('audio_spectrogram');
    const y = new Spectrogram({ nFft: 400, hopLength: 160, power: 2 })(toTensor(fx.inputs.waveform));
    expect(errors(y, fx.expected.y).maxRel).toBeLessThan(1e-5);
  });

  it("uses torchaudio's defaults: nFft 400, hop winLength / 2, Hann window, power 2", () => {
    const s = new Spectrogram();
    expect([s.nFft, s.winLength, s.hopLength, s.pad, s.power, s.normalized, s.center, s.padMode, s.onesided]).toEqual([400, 400, 200, 0, 2, false, true, 'reflect', true]);
    expect(s(ones([1, 1000])).shape).toEqual([1, 201, 6]);
    expect(new Spectrogram({ nFft: 64, power: null })(ones([2, 100])).shape).toEqual([2, 33, 4, 2]);
  });

  it('makes its window with windowFn(winLength, wkwargs)', () => {
    const s = new Spectrogram({ nFft: 64, winLength: 50, windowFn: kaiserWindow, wkwargs: { beta: 4, periodic: false } });
    expect(s.window.tolist()).toEqual(kaiserWindow(50, { beta: 4, periodic: false }).tolist());
    expect(new Spectrogram({ windowFn: hammingWindow }).window.tolist()).toEqual(hammingWindow(400).tolist());
  });

  it('warns that returnComplex is deprecated, as torchaudio does', () => {
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      new Spectrogram({ returnComplex: true });
      expect(spy).toHaveBeenCalledWith(
        'Spectrogram: returnComplex is deprecated and has no effect; power: null always returns the complex spectrum (as [..., freq, time, 2])',
        'DeprecationWarning',
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects bad sizes and window functions when built', () => {
    expect(() => new Spectrogram({ hopLength: 0 })).toThrowError(new ValueError('Spectrogram: expected hopLength to be a positive integer, got 0'));
    expect(() => new Spectrogram({ nFft: 4.5 })).toThrowError(new ValueError('Spectrogram: expected nFft to be an integer, got 4.5'));
    expect(() => new Spectrogram({ windowFn: 'hann' as never })).toThrowError(new ArgumentTypeError("Spectrogram: expected windowFn to be a function making a window, got 'hann'"));
    expect(() => new Spectrogram({ nFft: 16, windowFn: () => ones([3]) })).toThrowError(new ShapeError('Spectrogram: windowFn(16) should return a 1-D tensor of 16 values, got shape [3]'));
  });
});
