import type { Tensor } from '@dl/core';
import { checkFloatTensor } from '../functional/internal/checks';
import { checkRates, gcd, type ResamplingMethod, resamplingMethod, type SincKernel, sincResampleKernel } from '../functional/internal/sinc-resample-kernel';
import { applySincKernel, kernelTensor, type ResampleOptions } from '../functional/resample';
import { AudioTransform } from './audio-transform';

/**
 * Resamples a waveform between two fixed rates (torchaudio's `transforms.Resample`): the sinc
 * filters are computed once (double precision, stored as float32) and kept as the `kernel`
 * buffer, so repeated calls only run the strided convolution. See {@link functional.resample}.
 *
 * @param origFreq the input's sample rate. @default 16000
 * @param newFreq the output's sample rate. @default 16000
 * @example
 * ```ts
 * const to8k = new transforms.Resample(16000, 8000);
 * to8k(wave).shape; // [1, 8000] for one second
 * const kaiser = new transforms.Resample(44100, 16000, { resamplingMethod: 'sinc_interp_kaiser', lowpassFilterWidth: 16 });
 * ```
 */
export class Resample extends AudioTransform {
  origFreq: number;
  newFreq: number;
  gcd: number;
  resamplingMethod: ResamplingMethod;
  lowpassFilterWidth: number;
  rolloff: number;
  beta: number | null;
  width: number;
  /** The polyphase filters, `[newFreq / gcd, 1, taps]` (absent when the rates are equal). */
  declare kernel: Tensor;
  declare private plan: SincKernel | null;

  constructor(origFreq = 16000, newFreq = 16000, options: ResampleOptions = {}) {
    super();
    const op = 'Resample';
    checkRates(origFreq, newFreq, op);
    this.origFreq = origFreq;
    this.newFreq = newFreq;
    this.gcd = gcd(origFreq, newFreq);
    this.resamplingMethod = resamplingMethod(options.resamplingMethod ?? 'sinc_interp_hann', op);
    this.lowpassFilterWidth = options.lowpassFilterWidth ?? 6;
    this.rolloff = options.rolloff ?? 0.99;
    this.beta = options.beta ?? null;
    const plan = sincResampleKernel(origFreq, newFreq, this.lowpassFilterWidth, this.rolloff, this.resamplingMethod, this.beta, op);
    this.width = plan.width;
    Object.defineProperty(this, 'plan', { value: origFreq === newFreq ? null : plan, enumerable: false, writable: true });
    if (origFreq !== newFreq) this.registerBuffer('kernel', kernelTensor(plan));
  }

  /** `[..., time]` to `[..., ceil(time * newFreq / origFreq)]`. */
  override forward(waveform: Tensor): Tensor {
    checkFloatTensor(waveform, 'Resample', 'waveform', 1, '[..., time]');
    if (this.plan === null) return waveform;
    return applySincKernel(waveform, this.plan, this.kernel, 'Resample');
  }
}
