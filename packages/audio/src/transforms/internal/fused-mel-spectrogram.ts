import { isGradEnabled, type Tensor } from '@dl/core';
import { runOp, tf } from '@dl/core/internal';
import { checkFloatTensor } from '../../functional/internal/checks';
import { bandsOf } from '../../functional/internal/freq-projection';
import { stftMelPower } from '../../functional/internal/mel-power';
import { stftGeometry } from '../../functional/internal/stft';
import { checkSignalLength, stftSpec } from '../../functional/internal/stft-args';
import { MelScale } from '../mel-scale';
import { Spectrogram } from '../spectrogram';

function plain(m: object, cls: { prototype: object }): boolean {
  const hooks = m as unknown as { _forwardHooks: Map<number, unknown>; _forwardPreHooks: Map<number, unknown> };
  return Object.getPrototypeOf(m) === cls.prototype && hooks._forwardHooks.size === 0 && hooks._forwardPreHooks.size === 0;
}

/**
 * @internal MelSpectrogram's spectrogram and mel projection in one pass over the FFT output, when
 * that gives exactly what the two submodules would: both are the library's own classes without
 * hooks, the spectrogram is a one-sided power spectrum, and no gradient is being recorded. Returns
 * null otherwise (the caller runs the submodules). Saves the intermediate `[freq, frames]` tensor
 * and a pass over it, which is most of MelScale's cost.
 */
export function fusedMelSpectrogram(spectrogram: Spectrogram, melScale: MelScale, waveform: Tensor): Tensor | null {
  if (!plain(spectrogram, Spectrogram) || !plain(melScale, MelScale)) return null;
  if (spectrogram.power === null || !spectrogram.onesided) return null;
  if (isGradEnabled() && (waveform as Tensor).requiresGrad) return null;
  const fb = melScale.fb;
  if (isGradEnabled() && fb.requiresGrad) return null;
  const op = 'spectrogram';
  checkFloatTensor(waveform, op, 'waveform', 1, '[..., time]');
  const spec = stftSpec(
    {
      pad: spectrogram.pad,
      window: spectrogram.window,
      nFft: spectrogram.nFft,
      hopLength: spectrogram.hopLength,
      winLength: spectrogram.winLength,
      normalized: spectrogram.normalized,
      center: spectrogram.center,
      padMode: spectrogram.padMode,
      onesided: true,
    },
    op,
  );
  if (fb.ndim !== 2 || fb.shape[0] !== Math.floor(spec.nFft / 2) + 1) return null;
  const shape = waveform.shape;
  const length = shape[shape.length - 1];
  const batch = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  checkSignalLength(length, spec, op);
  const geo = stftGeometry(length, spec);
  const nMels = fb.shape[1];
  const power = spectrogram.power;
  const bands = bandsOf(fb);
  return runOp({
    name: 'MelSpectrogram',
    inputs: [waveform],
    forward: () => tf.tensor(stftMelPower(waveform.dataSync() as Float32Array, batch, length, spec, geo, power, bands, nMels), [...shape.slice(0, -1), nMels, geo.frames]),
  });
}
