import { irfftFrames, realBins, rfftFrames, rfftPaired } from './fft';

/** How `center` pads the signal (torch.stft's `pad_mode`). */
export type PadMode = 'reflect' | 'constant' | 'replicate' | 'circular';

/** @internal A short-time Fourier transform, as torch.stft and torchaudio's spectrogram set it up. */
export interface StftSpec {
  nFft: number;
  hopLength: number;
  winLength: number;
  /** The window, `winLength` values (zero-padded to `nFft` on both sides, as torch.stft does). */
  window: Float32Array;
  /** Constant zero padding on both sides before anything else (torchaudio's `pad`). */
  pad: number;
  center: boolean;
  padMode: PadMode;
  onesided: boolean;
  /** Scale by `nFft ** -0.5` (torch.stft's `normalized`, torchaudio's `'frame_length'`). */
  frameLengthNorm: boolean;
  /** Divide by the window's L2 norm (torchaudio's `normalized: 'window'` or `true`). */
  windowNorm: boolean;
}

/** @internal The frame grid of an STFT of a signal of `length` samples. */
export interface StftGeometry {
  /** Samples after `pad` and centring. */
  paddedLength: number;
  frames: number;
  /** Frequency bins of the output: `nFft / 2 + 1` one-sided, `nFft` otherwise. */
  freq: number;
  /** For each padded sample, the input sample it copies, or -1 for a zero. */
  source: Int32Array;
}

const geometries = new Map<string, StftGeometry>();

/** @internal Where each sample of the padded signal comes from, and how many frames fit (cached). */
export function stftGeometry(length: number, spec: StftSpec): StftGeometry {
  const key = `${length},${spec.nFft},${spec.hopLength},${spec.pad},${spec.center},${spec.padMode},${spec.onesided}`;
  let geo = geometries.get(key);
  if (geo === undefined) {
    geo = computeGeometry(length, spec);
    // A handful of clip lengths is typical; keep the most recent ones.
    if (geometries.size >= 32) geometries.delete(geometries.keys().next().value as string);
    geometries.set(key, geo);
  }
  return geo;
}

function computeGeometry(length: number, spec: StftSpec): StftGeometry {
  const inner = length + 2 * spec.pad;
  const c = spec.center ? Math.floor(spec.nFft / 2) : 0;
  const paddedLength = inner + 2 * c;
  const source = new Int32Array(paddedLength);
  for (let i = 0; i < paddedLength; i++) {
    let j = i - c;
    if (j < 0 || j >= inner) {
      if (spec.padMode === 'reflect') j = j < 0 ? -j : 2 * (inner - 1) - j;
      else if (spec.padMode === 'replicate') j = j < 0 ? 0 : inner - 1;
      else if (spec.padMode === 'circular') j = ((j % inner) + inner) % inner;
      else j = -1;
    }
    const k = j - spec.pad;
    source[i] = j >= 0 && k >= 0 && k < length ? k : -1;
  }
  const frames = 1 + Math.floor((paddedLength - spec.nFft) / spec.hopLength);
  return { paddedLength, frames, freq: spec.onesided ? realBins(spec.nFft) : spec.nFft, source };
}

/** @internal The window zero-padded to `nFft` and scaled by the normalization the spec asks for. */
export function fullWindow(spec: StftSpec): Float32Array {
  const w = new Float32Array(spec.nFft);
  const left = Math.floor((spec.nFft - spec.winLength) / 2);
  let scale = spec.frameLengthNorm ? 1 / Math.sqrt(spec.nFft) : 1;
  if (spec.windowNorm) {
    let energy = 0;
    for (let i = 0; i < spec.winLength; i++) energy += spec.window[i] * spec.window[i];
    scale /= Math.sqrt(energy);
  }
  for (let i = 0; i < spec.winLength; i++) w[left + i] = spec.window[i] * scale;
  return w;
}

let padScratch = new Float32Array(0);

/** A reused buffer for one padded signal (one STFT runs at a time: the code is synchronous). */
function scratchPadded(length: number): Float32Array {
  if (padScratch.length < length) padScratch = new Float32Array(length);
  return padScratch;
}

/**
 * @internal Runs the STFT of `batch` signals of `length` samples (row-major in `x`) and hands the
 * one-sided FFT output (`frames * bins * 2` floats per signal, frame-major) to `read`.
 */
export function stftBins(x: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry, read: (bins: Float32Array) => void): void {
  const n = spec.nFft;
  const w = fullWindow(spec);
  const out = rfftFrames(n, batch * geo.frames, (input) => writeFrames(input, 1, x, batch, length, spec, geo, w));
  read(out);
}

/**
 * @internal Writes the windowed frames of the STFT into `input`: frame `g` (over the batch) at
 * offset `g * n` with `stride` 1, or, for PFFFT's pairs, at `((g >> 1) * n) * 2 + (g & 1)` with
 * `stride` 2.
 */
function writeFrames(input: Float32Array, stride: 1 | 2, x: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry, w: Float32Array): void {
  const n = spec.nFft;
  const hop = spec.hopLength;
  const lo = Math.floor((n - spec.winLength) / 2);
  const hi = lo + spec.winLength;
  const { frames, paddedLength, source } = geo;
  const padded = scratchPadded(paddedLength);
  // The samples copied straight from the input: [inner, inner + length) of the padded signal.
  const inner = (spec.center ? Math.floor(n / 2) : 0) + spec.pad;
  const direct = x instanceof Float32Array;
  if (lo > 0 || hi < n || (stride === 2 && (batch * frames) % 2 === 1)) input.fill(0);
  {
    for (let b = 0; b < batch; b++) {
      const off = b * length;
      if (direct) {
        // Only the first and last frames reach into the padding: copy what they read.
        const head = Math.min(paddedLength, inner + n);
        for (let i = 0; i < head; i++) padded[i] = source[i] < 0 ? 0 : x[off + source[i]];
        for (let i = Math.max(head, inner + length - n); i < paddedLength; i++) padded[i] = source[i] < 0 ? 0 : x[off + source[i]];
      } else {
        for (let i = 0; i < paddedLength; i++) padded[i] = source[i] < 0 ? 0 : x[off + source[i]];
      }
      for (let f = 0; f < frames; f++) {
        const g = b * frames + f;
        const dst = stride === 1 ? g * n : (g >> 1) * n * 2 + (g & 1);
        const start = f * hop;
        // Frames inside the signal read it directly; those over the padding read the padded copy.
        if (direct && start + lo >= inner && start + hi <= inner + length) {
          const from = off + start - inner;
          if (stride === 1) for (let j = lo; j < hi; j++) input[dst + j] = x[from + j] * w[j];
          else for (let j = lo; j < hi; j++) input[dst + 2 * j] = x[from + j] * w[j];
        } else if (stride === 1) {
          for (let j = lo; j < hi; j++) input[dst + j] = padded[start + j] * w[j];
        } else {
          for (let j = lo; j < hi; j++) input[dst + 2 * j] = padded[start + j] * w[j];
        }
      }
    }
  }
}

/**
 * @internal The STFT's frames on PFFFT, two per complex FFT (see rfftPaired): hands the packed
 * spectra to `read`, or returns false when PFFFT cannot do `nFft` (use stftBins then).
 */
export function stftPaired(x: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry, read: (packed: Float32Array) => void): boolean {
  const w = fullWindow(spec);
  const out = rfftPaired(spec.nFft, batch * geo.frames, (input) => writeFrames(input, 2, x, batch, length, spec, geo, w));
  if (out === null) return false;
  read(out);
  return true;
}

/**
 * @internal The complex STFT as `[batch, freq, frames, 2]` (the layout torch.view_as_real gives
 * torch.stft's complex output).
 */
export function stftComplex(x: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry): Float32Array {
  const { frames, freq } = geo;
  const n = spec.nFft;
  const bins = realBins(n);
  const result = new Float32Array(batch * freq * frames * 2);
  stftBins(x, batch, length, spec, geo, (out) => {
    for (let b = 0; b < batch; b++) {
      for (let f = 0; f < frames; f++) {
        const src = (b * frames + f) * bins * 2;
        for (let k = 0; k < freq; k++) {
          const dst = ((b * freq + k) * frames + f) * 2;
          if (k < bins) {
            result[dst] = out[src + 2 * k];
            result[dst + 1] = out[src + 2 * k + 1];
          } else {
            result[dst] = out[src + 2 * (n - k)];
            result[dst + 1] = -out[src + 2 * (n - k) + 1];
          }
        }
      }
    }
  });
  return result;
}

/** @internal `|STFT| ** power` as `[batch, freq, frames]`, without keeping the complex values. */
export function stftPower(x: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry, power: number): Float32Array {
  const { frames, freq } = geo;
  const n = spec.nFft;
  const bins = realBins(n);
  const result = new Float32Array(batch * freq * frames);
  const paired = stftPaired(x, batch, length, spec, geo, (z) => {
    // Pair p holds frames 2p and 2p + 1: their bins are (Z[k] + conj Z[n-k]) / 2 and
    // (Z[k] - conj Z[n-k]) / 2i. Both come from the same four values.
    const total = batch * frames;
    for (let g = 0; g < total; g += 2) {
      const at = (g >> 1) * n * 2;
      const b0 = Math.floor(g / frames);
      const d0 = b0 * freq * frames + (g - b0 * frames);
      const second = g + 1 < total;
      const b1 = Math.floor((g + 1) / frames);
      const d1 = b1 * freq * frames + (g + 1 - b1 * frames);
      for (let k = 0; k < freq; k++) {
        const kk = k < bins ? k : n - k;
        const mm = kk === 0 ? 0 : n - kk;
        const zrk = z[at + 2 * kk];
        const zik = z[at + 2 * kk + 1];
        const zrm = z[at + 2 * mm];
        const zim = z[at + 2 * mm + 1];
        const a = zrk + zrm;
        const c = zik - zim;
        const e = zik + zim;
        const h = zrm - zrk;
        const sq0 = 0.25 * (a * a + c * c);
        const sq1 = 0.25 * (e * e + h * h);
        if (power === 2) {
          result[d0 + k * frames] = sq0;
          if (second) result[d1 + k * frames] = sq1;
        } else if (power === 1) {
          result[d0 + k * frames] = Math.sqrt(sq0);
          if (second) result[d1 + k * frames] = Math.sqrt(sq1);
        } else {
          result[d0 + k * frames] = Math.sqrt(sq0) ** power;
          if (second) result[d1 + k * frames] = Math.sqrt(sq1) ** power;
        }
      }
    }
  });
  if (paired) return result;
  stftBins(x, batch, length, spec, geo, (out) => {
    const stride = bins * 2;
    for (let b = 0; b < batch; b++) {
      for (let k = 0; k < freq; k++) {
        const kk = 2 * (k < bins ? k : n - k);
        const dst = (b * freq + k) * frames;
        let src = b * frames * stride + kk;
        for (let f = 0; f < frames; f++, src += stride) {
          const re = out[src];
          const im = out[src + 1];
          const sq = re * re + im * im;
          result[dst + f] = power === 2 ? sq : power === 1 ? Math.sqrt(sq) : Math.sqrt(sq) ** power;
        }
      }
    }
  });
  return result;
}

/**
 * @internal The adjoint of {@link stftComplex}: given the gradient of a real loss with respect to
 * the real and imaginary parts of every bin (`[batch, freq, frames, 2]`), the gradient with respect
 * to the `[batch, length]` input. Each bin's gradient goes back through the DFT (an unnormalized
 * inverse real FFT of the half-weighted bins), the window, the overlap of frames and the padding.
 */
export function stftAdjoint(grad: ArrayLike<number>, batch: number, length: number, spec: StftSpec, geo: StftGeometry): Float32Array {
  const { frames, freq, paddedLength, source } = geo;
  const n = spec.nFft;
  const bins = realBins(n);
  const hop = spec.hopLength;
  const w = fullWindow(spec);
  const lo = Math.floor((n - spec.winLength) / 2);
  const hi = lo + spec.winLength;
  const gx = new Float32Array(batch * length);
  const gPadded = new Float64Array(paddedLength);
  const time = irfftFrames(n, batch * frames, (input) => {
    for (let b = 0; b < batch; b++) {
      for (let f = 0; f < frames; f++) {
        const dst = (b * frames + f) * bins * 2;
        for (let k = 0; k < bins; k++) {
          let re = grad[((b * freq + k) * frames + f) * 2];
          let im = grad[((b * freq + k) * frames + f) * 2 + 1];
          if (freq > bins && k > 0 && n - k >= bins) {
            // Two-sided: bin n-k is conj(bin k), so its gradient folds onto bin k conjugated.
            re += grad[((b * freq + (n - k)) * frames + f) * 2];
            im -= grad[((b * freq + (n - k)) * frames + f) * 2 + 1];
          }
          // The inverse real FFT counts each middle bin twice (once for its mirror image).
          const half = k === 0 || 2 * k === n ? 1 : 0.5;
          input[dst + 2 * k] = re * half;
          input[dst + 2 * k + 1] = im * half;
        }
      }
    }
  });
  for (let b = 0; b < batch; b++) {
    gPadded.fill(0);
    for (let f = 0; f < frames; f++) {
      const src = (b * frames + f) * n;
      const start = f * hop;
      for (let j = lo; j < hi; j++) gPadded[start + j] += time[src + j] * w[j];
    }
    const off = b * length;
    for (let i = 0; i < paddedLength; i++) {
      const s = source[i];
      if (s >= 0) gx[off + s] += gPadded[i];
    }
  }
  return gx;
}
