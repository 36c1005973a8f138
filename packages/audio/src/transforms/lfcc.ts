import { add, log, type Tensor, ValueError } from '@dl/core';
import { projectFreq } from '../functional/internal/freq-projection';
import { createDct } from '../functional/create-dct';
import { checkInt } from '../functional/internal/checks';
import { linearFbanks } from '../functional/linear-fbanks';
import { AmplitudeToDB } from './amplitude-to-db';
import { AudioTransform } from './audio-transform';
import { Spectrogram, type SpectrogramOptions } from './spectrogram';

/** Options of {@link LFCC}. */
export interface LFCCOptions {
  /** The audio's sample rate. @default 16000 */
  sampleRate?: number;
  /** Linear filters. @default 128 */
  nFilter?: number;
  /** Lowest frequency (Hz). @default 0 */
  fMin?: number;
  /** Highest frequency (Hz). @default sampleRate / 2 (floored) */
  fMax?: number | null;
  /** Coefficients kept. @default 40 */
  nLfcc?: number;
  /** DCT type (only 2). @default 2 */
  dctType?: number;
  /** DCT normalization. @default 'ortho' */
  norm?: 'ortho' | null;
  /** Use `log(x + 1e-6)` instead of decibels. @default false */
  logLf?: boolean;
  /** Options of the inner {@link Spectrogram}. @default {} */
  speckwargs?: SpectrogramOptions | null;
}

/**
 * Linear-frequency cepstral coefficients (torchaudio's `transforms.LFCC`): the DCT-II of the
 * decibel-scaled (or log) output of `nFilter` linear triangular filters over the spectrogram.
 * Submodules `amplitude_to_DB` and `Spectrogram`, buffers `filter_mat` and `dct_mat`.
 * `[..., time]` in, `[..., nLfcc, frames]` out. Differentiable.
 *
 * @param sampleRate the audio's sample rate (or `options.sampleRate`). @default 16000
 * @example
 * ```ts
 * const lfcc = new transforms.LFCC(16000, { nLfcc: 13, speckwargs: { nFft: 400, hopLength: 160, center: false } });
 * lfcc(wave).shape; // [1, 13, 98]
 * ```
 */
export class LFCC extends AudioTransform {
  sampleRate: number;
  fMin: number;
  fMax: number;
  nFilter: number;
  nLfcc: number;
  dctType: number;
  norm: 'ortho' | null;
  topDb: number;
  amplitude_to_DB: AmplitudeToDB;
  Spectrogram: Spectrogram;
  logLf: boolean;
  /** The linear filterbank, `[nFft / 2 + 1, nFilter]`. */
  declare filter_mat: Tensor;
  /** The DCT matrix, `[nFilter, nLfcc]`. */
  declare dct_mat: Tensor;

  constructor(sampleRate?: number | LFCCOptions, options: LFCCOptions = {}) {
    super();
    const op = 'LFCC';
    const o = typeof sampleRate === 'object' && sampleRate !== null ? sampleRate : { ...options, sampleRate: sampleRate ?? options.sampleRate };
    const dctType = o.dctType ?? 2;
    if (dctType !== 2) throw new ValueError(`${op}: DCT type not supported: ${dctType} (only 2)`);
    this.sampleRate = o.sampleRate ?? 16000;
    this.fMin = o.fMin ?? 0;
    this.fMax = o.fMax ?? Math.floor(this.sampleRate / 2);
    this.nFilter = o.nFilter ?? 128;
    this.nLfcc = o.nLfcc ?? 40;
    checkInt(this.nLfcc, op, 'nLfcc', 1);
    this.dctType = dctType;
    this.norm = o.norm === undefined ? 'ortho' : o.norm;
    this.topDb = 80;
    this.amplitude_to_DB = new AmplitudeToDB('power', this.topDb);
    this.Spectrogram = new Spectrogram(o.speckwargs ?? {});
    if (this.nLfcc > this.Spectrogram.nFft) {
      throw new ValueError(`${op}: cannot select more LFCC coefficients than FFT bins (nLfcc=${this.nLfcc}, nFft=${this.Spectrogram.nFft})`);
    }
    this.registerBuffer('filter_mat', linearFbanks(Math.floor(this.Spectrogram.nFft / 2) + 1, this.fMin, this.fMax, this.nFilter, this.sampleRate));
    this.registerBuffer('dct_mat', createDct(this.nLfcc, this.nFilter, this.norm));
    this.logLf = o.logLf ?? false;
  }

  /** `[..., time]` to `[..., nLfcc, frames]`. */
  override forward(waveform: Tensor): Tensor {
    let spec = this.Spectrogram.call(waveform);
    spec = projectFreq(spec, this.filter_mat, 'LFCC');
    spec = this.logLf ? log(add(spec, 1e-6)) : this.amplitude_to_DB.call(spec);
    return projectFreq(spec, this.dct_mat, 'LFCC');
  }
}
