import { conv1d, DTypeError, pad, type Tensor, tensor } from '@dl/core';
import { checkFloatTensor } from './internal/checks';
import { checkRates, type ResamplingMethod, resamplingMethod, type SincKernel, sincResampleKernel } from './internal/sinc-resample-kernel';

export type { ResamplingMethod } from './internal/sinc-resample-kernel';

/** Options of {@link resample}. */
export interface ResampleOptions {
  /** Zero crossings of the sinc kept on each side: more is sharper and slower. @default 6 */
  lowpassFilterWidth?: number;
  /** The filter's cutoff as a fraction of the lower Nyquist frequency. @default 0.99 */
  rolloff?: number;
  /**
   * `'sinc_interp_hann'` (a Hann-windowed sinc) or `'sinc_interp_kaiser'` (Kaiser-windowed);
   * torchaudio 0.13's names `'sinc_interpolation'` and `'kaiser_window'` are accepted too.
   * @default 'sinc_interp_hann'
   */
  resamplingMethod?: ResamplingMethod | 'sinc_interpolation' | 'kaiser_window';
  /** The Kaiser window's shape parameter. @default 14.769656459379492 */
  beta?: number | null;
}

/**
 * Resamples a waveform from `origFreq` to `newFreq` by band-limited sinc interpolation
 * (torchaudio's `functional.resample`): a polyphase FIR filter bank applied as one strided
 * convolution. The rates must be integers; they are reduced by their GCD. Differentiable.
 *
 * @param waveform float32 audio `[..., time]`.
 * @param origFreq the current sample rate.
 * @param newFreq the wanted sample rate.
 * @example
 * ```ts
 * const wave8k = functional.resample(wave16k, 16000, 8000); // [..., time / 2]
 * ```
 */
export function resample(waveform: Tensor, origFreq: number, newFreq: number, options: ResampleOptions = {}): Tensor {
  const op = 'resample';
  checkFloatTensor(waveform, op, 'waveform', 1, '[..., time]');
  checkRates(origFreq, newFreq, op);
  const method = resamplingMethod(options.resamplingMethod ?? 'sinc_interp_hann', op);
  const kernel = sincResampleKernel(origFreq, newFreq, options.lowpassFilterWidth ?? 6, options.rolloff ?? 0.99, method, options.beta ?? null, op);
  if (origFreq === newFreq) return waveform;
  return applySincKernel(waveform, kernel, kernelTensor(kernel), op);
}

/** @internal The kernel as the `[next, 1, taps]` conv1d weight. */
export function kernelTensor(kernel: SincKernel): Tensor {
  return tensor(kernel.taps).reshape([kernel.next, 1, kernel.taps.length / kernel.next]);
}

/** @internal torchaudio's `_apply_sinc_resample_kernel`. */
export function applySincKernel(waveform: Tensor, kernel: SincKernel, weight: Tensor, op: string): Tensor {
  if (waveform.dtype !== 'float32') throw new DTypeError(`${op}: expected a float32 waveform, got dtype ${waveform.dtype}`);
  const shape = waveform.shape;
  const length = shape[shape.length - 1];
  const flat = waveform.reshape([-1, length]);
  const items = flat.shape[0];
  const padded = pad(flat, [kernel.width, kernel.width + kernel.orig]).reshape([items, 1, -1]);
  const phases = conv1d(padded, weight, null, { stride: kernel.orig });
  const interleaved = phases.transpose(1, 2).reshape([items, -1]);
  const target = Math.ceil((kernel.next * length) / kernel.orig);
  return interleaved.narrow(1, 0, target).reshape([...shape.slice(0, -1), target]);
}
