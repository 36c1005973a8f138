import { add, log, type Tensor, ValueError } from '@dl/core';
import { projectFreq } from '../functional/internal/freq-projection';
import { createDct } from '../functional/create-dct';
import { checkInt } from '../functional/internal/checks';
import { AmplitudeToDB } from './amplitude-to-db';
import { AudioTransform } from './audio-transform';
import { MelSpectrogram, type MelSpectrogramOptions } from './mel-spectrogram';

/** Options of {@link MFCC}. */
export interface MFCCOptions {
  /** The audio's sample rate. @default 16000 */
  sampleRate?: number;
  /** Coefficients kept. @default 40 */
  nMfcc?: number;
  /** DCT type (only 2). @default 2 */
  dctType?: number;
  /** DCT normalization: `'ortho'` or `null`. @default 'ortho' */
  norm?: 'ortho' | null;
  /** Use `log(mel + 1e-6)` instead of decibels (`AmplitudeToDB('power', 80)`). @default false */
  logMels?: boolean;
  /** Options of the inner {@link MelSpectrogram} (its `sampleRate` is this one's). @default {} */
  melkwargs?: Omit<MelSpectrogramOptions, 'sampleRate'> | null;
}

/**
 * Mel-frequency cepstral coefficients (torchaudio's `transforms.MFCC`): the DCT-II of the
 * decibel-scaled (or log) mel spectrogram, keeping `nMfcc` coefficients. Submodules
 * `amplitude_to_DB` and `MelSpectrogram`, buffer `dct_mat` (torchaudio's names). `[..., time]` in,
 * `[..., nMfcc, frames]` out. Differentiable.
 *
 * @param sampleRate the audio's sample rate (or `options.sampleRate`). @default 16000
 * @example
 * ```ts
 * const mfcc = new transforms.MFCC(16000, { nMfcc: 13, melkwargs: { nFft: 400, hopLength: 160, nMels: 40 } });
 * mfcc(wave).shape; // [1, 13, 101]
 * ```
 */
export class MFCC extends AudioTransform {
  sampleRate: number;
  nMfcc: number;
  dctType: number;
  norm: 'ortho' | null;
  topDb: number;
  amplitude_to_DB: AmplitudeToDB;
  MelSpectrogram: MelSpectrogram;
  logMels: boolean;
  /** The DCT matrix, `[nMels, nMfcc]`. */
  declare dct_mat: Tensor;

  constructor(sampleRate?: number | MFCCOptions, options: MFCCOptions = {}) {
    super();
    const op = 'MFCC';
    const o = typeof sampleRate === 'object' && sampleRate !== null ? sampleRate : { ...options, sampleRate: sampleRate ?? options.sampleRate };
    const dctType = o.dctType ?? 2;
    if (dctType !== 2) throw new ValueError(`${op}: DCT type not supported: ${dctType} (only 2)`);
    this.sampleRate = o.sampleRate ?? 16000;
    this.nMfcc = o.nMfcc ?? 40;
    checkInt(this.nMfcc, op, 'nMfcc', 1);
    this.dctType = dctType;
    this.norm = o.norm === undefined ? 'ortho' : o.norm;
    this.topDb = 80;
    this.amplitude_to_DB = new AmplitudeToDB('power', this.topDb);
    this.MelSpectrogram = new MelSpectrogram({ ...(o.melkwargs ?? {}), sampleRate: this.sampleRate });
    if (this.nMfcc > this.MelSpectrogram.nMels) {
      throw new ValueError(`${op}: cannot select more MFCC coefficients than mel bins (nMfcc=${this.nMfcc}, nMels=${this.MelSpectrogram.nMels})`);
    }
    this.registerBuffer('dct_mat', createDct(this.nMfcc, this.MelSpectrogram.nMels, this.norm));
    this.logMels = o.logMels ?? false;
  }

  /** `[..., time]` to `[..., nMfcc, frames]`. */
  override forward(waveform: Tensor): Tensor {
    let mel = this.MelSpectrogram.call(waveform);
    mel = this.logMels ? log(add(mel, 1e-6)) : this.amplitude_to_DB.call(mel);
    return projectFreq(mel, this.dct_mat, 'MFCC');
  }
}
