import type { Bands } from './freq-projection';
import { realBins } from './fft';
import { type StftGeometry, type StftSpec, stftBins, stftPaired } from './stft';

/**
 * @internal `|STFT|^power` projected onto the filterbank `bands` (`[freq, nMels]`) in the same pass,
 * frame by frame, without the `[freq, frames]` spectrogram in between: what MelSpectrogram computes,
 * in one traversal of the FFT output. One-sided spectra only. Returns `[batch, nMels, frames]`.
 */
export function stftMelPower(x: Float32Array, batch: number, length: number, spec: StftSpec, geo: StftGeometry, power: number, bands: Bands, nMels: number): Float32Array {
  const { frames } = geo;
  const bins = realBins(spec.nFft);
  const { first, last, offset, weights } = bands;
  const out = new Float32Array(batch * nMels * frames);
  const p = new Float64Array(bins);
  const n = spec.nFft;
  const project = (q: Float64Array, dst: number) => {
    for (let c = 0; c < nMels; c++) {
      let acc = 0;
      const lo = first[c];
      const base = offset[c] - lo;
      for (let k = lo; k <= last[c]; k++) acc += weights[base + k] * q[k];
      out[dst + c * frames] = acc;
    }
  };
  // Powers other than 2 are applied to the float32 power spectrum afterwards.
  const level = (q: Float64Array) => {
    if (power === 2) return;
    for (let k = 0; k < bins; k++) q[k] = power === 1 ? Math.fround(Math.sqrt(q[k])) : Math.fround(Math.sqrt(q[k]) ** power);
  };
  const { rowPtr, rowCol, rowW } = bands;
  const acc0 = new Float64Array(nMels);
  const acc1 = new Float64Array(nMels);
  const paired = stftPaired(x, batch, length, spec, geo, (z) => {
    // Pair p holds frames 2p and 2p + 1 (see stftPower). Each bin's power goes straight into the
    // filters that use it (the filterbank by rows), so the power spectrum is never stored.
    const total = batch * frames;
    for (let g = 0; g < total; g += 2) {
      const at = (g >> 1) * n * 2;
      acc0.fill(0);
      acc1.fill(0);
      for (let k = 0; k < bins; k++) {
        const from = rowPtr[k];
        const to = rowPtr[k + 1];
        if (from === to) continue;
        const m = k === 0 ? 0 : n - k;
        const zrk = z[at + 2 * k];
        const zik = z[at + 2 * k + 1];
        const zrm = z[at + 2 * m];
        const zim = z[at + 2 * m + 1];
        const a = zrk + zrm;
        const c = zik - zim;
        const e = zik + zim;
        const h = zrm - zrk;
        let sq0 = Math.fround(0.25 * (a * a + c * c));
        let sq1 = Math.fround(0.25 * (e * e + h * h));
        if (power === 1) {
          sq0 = Math.fround(Math.sqrt(sq0));
          sq1 = Math.fround(Math.sqrt(sq1));
        } else if (power !== 2) {
          sq0 = Math.fround(Math.sqrt(sq0) ** power);
          sq1 = Math.fround(Math.sqrt(sq1) ** power);
        }
        for (let r = from; r < to; r++) {
          const col = rowCol[r];
          const wr = rowW[r];
          acc0[col] += wr * sq0;
          acc1[col] += wr * sq1;
        }
      }
      const b0 = Math.floor(g / frames);
      const d0 = b0 * nMels * frames + (g - b0 * frames);
      for (let col = 0; col < nMels; col++) out[d0 + col * frames] = acc0[col];
      if (g + 1 < total) {
        const b1 = Math.floor((g + 1) / frames);
        const d1 = b1 * nMels * frames + (g + 1 - b1 * frames);
        for (let col = 0; col < nMels; col++) out[d1 + col * frames] = acc1[col];
      }
    }
  });
  if (paired) return out;
  stftBins(x, batch, length, spec, geo, (fft) => {
    for (let b = 0; b < batch; b++) {
      for (let f = 0; f < frames; f++) {
        const src = (b * frames + f) * bins * 2;
        for (let k = 0; k < bins; k++) {
          const re = fft[src + 2 * k];
          const im = fft[src + 2 * k + 1];
          // float32 like the separate spectrogram, so the two paths give the same values
          p[k] = Math.fround(re * re + im * im);
        }
        level(p);
        project(p, b * nMels * frames + f);
      }
    }
  });
  return out;
}
