import { ValueError } from '@dl/core';
import { realBins, rfftFrames, irfftFrames } from './fft';
import type { StftSpec } from './stft';

/** @internal The overlap-add grid of an inverse STFT (torch.istft). */
export interface IstftGeometry {
  frames: number;
  /** Samples the frames cover: `nFft + hop * (frames - 1)`. */
  fullLength: number;
  /** First kept sample (`nFft / 2` when centred). */
  start: number;
  /** Samples returned, including zeros past the end of the frames when `length` asks for more. */
  outLength: number;
  /** `1 / sum of squared windows` at each kept sample (below `fullLength`). */
  invEnvelope: Float64Array;
  /** The window padded to `nFft` and scaled for `normalized`. */
  window: Float32Array;
  /** Factor applied to the spectrum before the inverse FFT (`normalized`). */
  inputScale: number;
}

/**
 * @internal Plans torch.istft for `frames` frames: the kept range and the window envelope it
 * divides by. Throws when the window overlap leaves a kept sample uncovered (NOLA), as torch does.
 */
export function istftGeometry(frames: number, spec: StftSpec, length: number | null, op: string): IstftGeometry {
  const n = spec.nFft;
  const hop = spec.hopLength;
  const fullLength = n + hop * (frames - 1);
  const start = spec.center ? Math.floor(n / 2) : 0;
  let end = length !== null ? start + length : spec.center ? fullLength - Math.floor(n / 2) : fullLength;
  const outLength = Math.max(0, end - start);
  end = Math.min(end, fullLength);
  const window = new Float32Array(n);
  const left = Math.floor((n - spec.winLength) / 2);
  for (let i = 0; i < spec.winLength; i++) window[left + i] = spec.window[i];
  const envelope = new Float64Array(fullLength);
  for (let f = 0; f < frames; f++) for (let j = 0; j < n; j++) envelope[f * hop + j] += window[j] * window[j];
  const kept = Math.max(0, end - start);
  const invEnvelope = new Float64Array(kept);
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < kept; i++) {
    const e = envelope[start + i];
    lowest = Math.min(lowest, Math.abs(e));
    invEnvelope[i] = 1 / e;
  }
  if (kept > 0 && lowest < 1e-11) {
    throw new ValueError(
      `${op}: the window overlap-add is zero at some output samples (min ${lowest}), so the signal cannot be recovered there (nonzero overlap-add, NOLA, fails for nFft=${n}, hopLength=${hop}, winLength=${spec.winLength}); use a smaller hopLength or another window`,
    );
  }
  let inputScale = spec.frameLengthNorm ? Math.sqrt(n) : 1;
  if (spec.windowNorm) {
    let energy = 0;
    for (let i = 0; i < spec.winLength; i++) energy += spec.window[i] * spec.window[i];
    inputScale *= Math.sqrt(energy);
  }
  return { frames, fullLength, start, outLength, invEnvelope, window, inputScale };
}

/**
 * @internal torch.istft of `[batch, freq, frames, 2]` spectra (`freq` = `nFft / 2 + 1`, or `nFft`
 * two-sided, of which only the first half is used as torch does for a real result), as
 * `[batch, outLength]`.
 */
export function istftForward(spec: ArrayLike<number>, batch: number, freq: number, s: StftSpec, geo: IstftGeometry): Float32Array {
  const n = s.nFft;
  const bins = realBins(n);
  const { frames, fullLength, start, outLength, invEnvelope, window, inputScale } = geo;
  const scale = inputScale / n;
  const out = new Float32Array(batch * outLength);
  const acc = new Float64Array(fullLength);
  const time = irfftFrames(n, batch * frames, (input) => {
    for (let b = 0; b < batch; b++) {
      for (let f = 0; f < frames; f++) {
        const dst = (b * frames + f) * bins * 2;
        for (let k = 0; k < bins; k++) {
          const src = ((b * freq + k) * frames + f) * 2;
          input[dst + 2 * k] = spec[src] * scale;
          input[dst + 2 * k + 1] = spec[src + 1] * scale;
        }
      }
    }
  });
  const hop = s.hopLength;
  const kept = invEnvelope.length;
  for (let b = 0; b < batch; b++) {
    acc.fill(0);
    for (let f = 0; f < frames; f++) {
      const src = (b * frames + f) * n;
      const at = f * hop;
      for (let j = 0; j < n; j++) acc[at + j] += time[src + j] * window[j];
    }
    const dst = b * outLength;
    for (let i = 0; i < kept; i++) out[dst + i] = acc[start + i] * invEnvelope[i];
  }
  return out;
}

/**
 * @internal The adjoint of {@link istftForward}: the gradient with respect to the `[batch, freq,
 * frames, 2]` spectrum given the gradient of the `[batch, outLength]` output.
 */
export function istftAdjoint(grad: ArrayLike<number>, batch: number, freq: number, s: StftSpec, geo: IstftGeometry): Float32Array {
  const n = s.nFft;
  const bins = realBins(n);
  const { frames, fullLength, start, outLength, invEnvelope, window, inputScale } = geo;
  const hop = s.hopLength;
  const kept = invEnvelope.length;
  const gFull = new Float64Array(fullLength);
  const spectra = rfftFrames(n, batch * frames, (input) => {
    for (let b = 0; b < batch; b++) {
      gFull.fill(0);
      for (let i = 0; i < kept; i++) gFull[start + i] = grad[b * outLength + i] * invEnvelope[i];
      for (let f = 0; f < frames; f++) {
        const dst = (b * frames + f) * n;
        const at = f * hop;
        for (let j = 0; j < n; j++) input[dst + j] = gFull[at + j] * window[j];
      }
    }
  });
  const result = new Float32Array(batch * freq * frames * 2);
  const scale = inputScale / n;
  for (let b = 0; b < batch; b++) {
    for (let f = 0; f < frames; f++) {
      const src = (b * frames + f) * bins * 2;
      for (let k = 0; k < bins; k++) {
        // irfft uses each middle bin twice (with its mirror image), the DC and Nyquist bins once.
        const c = (k === 0 || 2 * k === n ? 1 : 2) * scale;
        const dst = ((b * freq + k) * frames + f) * 2;
        result[dst] = spectra[src + 2 * k] * c;
        result[dst + 1] = k === 0 || 2 * k === n ? 0 : spectra[src + 2 * k + 1] * c;
      }
    }
  }
  return result;
}
