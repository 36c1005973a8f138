import { nn, ones, type Tensor, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { AudioTransform } from './audio-transform';
import { MelSpectrogram } from './mel-spectrogram';
import { MFCC } from './mfcc';
import { Spectrogram } from './spectrogram';
import { quietFilterbankWarnings } from '../../test/fixtures/transforms/load';

class Double extends AudioTransform {
  override forward(x: Tensor): Tensor {
    return x.mul(2);
  }
}

describe('AudioTransform', () => {
  quietFilterbankWarnings();
  it('is a callable nn.Module that runs forward through the hooks', () => {
    const t = new Double();
    expect(typeof t).toBe('function');
    expect(t).toBeInstanceOf(nn.Module);
    expect(t).toBeInstanceOf(Double);
    expect(t(tensor([1, 2])).tolist()).toEqual([2, 4]);
    const h = t.registerForwardHook((_m, _a, out) => (out as Tensor).add(1));
    expect(t(tensor([1])).tolist()).toEqual([3]);
    h.remove();
    expect(t.forward(tensor([1])).tolist()).toEqual([2]);
    expect(String(t)).toBe('Double()');
  });

  it("sits in an nn.Sequential and keeps its buffers under torchaudio's state-dict keys, in PyTorch's order", () => {
    const seq = new nn.Sequential(new Spectrogram({ nFft: 64 }), new Double());
    expect(seq.forward(ones([1, 256])).shape).toEqual([1, 33, 9]);
    expect(Object.keys(seq.stateDict())).toEqual(['0.window']);
    expect(Object.keys(new MelSpectrogram().stateDict())).toEqual(['spectrogram.window', 'mel_scale.fb']);
    expect(Object.keys(new MFCC().stateDict())).toEqual(['dct_mat', 'MelSpectrogram.spectrogram.window', 'MelSpectrogram.mel_scale.fb']);
  });

  it("prints PyTorch's module text", () => {
    expect(String(new MelSpectrogram())).toBe('MelSpectrogram(\n  (spectrogram): Spectrogram()\n  (mel_scale): MelScale()\n)');
    expect(String(new MFCC())).toBe(
      'MFCC(\n  (amplitude_to_DB): AmplitudeToDB()\n  (MelSpectrogram): MelSpectrogram(\n    (spectrogram): Spectrogram()\n    (mel_scale): MelScale()\n  )\n)',
    );
  });
});
