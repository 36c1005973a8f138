import { randn } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { InverseSpectrogram } from './inverse-spectrogram';
import { Spectrogram } from './spectrogram';

describe('InverseSpectrogram', () => {
  it('inverts Spectrogram({ power: null }) with the same settings', () => {
    const x = randn([2, 1000]);
    for (const options of [{ nFft: 256 }, { nFft: 200, hopLength: 50, normalized: true }, { nFft: 128, winLength: 100, normalized: 'frame_length' as const }]) {
      const z = new Spectrogram({ ...options, power: null })(x);
      const back = new InverseSpectrogram(options)(z, 1000);
      expect(back.shape).toEqual([2, 1000]);
      expect(back.sub(x).abs().max().item()).toBeLessThan(1e-5);
    }
  });
});
