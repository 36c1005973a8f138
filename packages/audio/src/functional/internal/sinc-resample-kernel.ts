import { ValueError } from '@dl/core';
import { checkInt, checkNumber, describe } from './checks';
import { besselI0 } from './window-values';

/** The resampling filters: a Hann-windowed or a Kaiser-windowed sinc. */
export type ResamplingMethod = 'sinc_interp_hann' | 'sinc_interp_kaiser';

/** The names torchaudio 0.13 used, accepted too. */
const ALIASES: Record<string, ResamplingMethod> = {
  sinc_interp_hann: 'sinc_interp_hann',
  sinc_interpolation: 'sinc_interp_hann',
  sinc_interp_kaiser: 'sinc_interp_kaiser',
  kaiser_window: 'sinc_interp_kaiser',
};

/** @internal A resampling method name as {@link ResamplingMethod}, or throws. */
export function resamplingMethod(method: unknown, op: string): ResamplingMethod {
  const m = typeof method === 'string' ? ALIASES[method] : undefined;
  if (!m) throw new ValueError(`${op}: invalid resampling method ${describe(method)} (expected 'sinc_interp_hann' or 'sinc_interp_kaiser'; torchaudio 0.13's 'sinc_interpolation' and 'kaiser_window' are accepted too)`);
  return m;
}

/** @internal Greatest common divisor of two positive integers. */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** @internal Checks a pair of sample rates: positive integers. */
export function checkRates(origFreq: unknown, newFreq: unknown, op: string): void {
  checkNumber(origFreq, op, 'origFreq');
  checkNumber(newFreq, op, 'newFreq');
  if (!(origFreq > 0) || !(newFreq > 0)) throw new ValueError(`${op}: origFreq and newFreq must be positive, got origFreq=${origFreq} and newFreq=${newFreq}`);
  if (!Number.isInteger(origFreq) || !Number.isInteger(newFreq)) {
    throw new ValueError(
      `${op}: origFreq and newFreq must be integers (got origFreq=${origFreq}, newFreq=${newFreq}); give two integers with the same ratio instead, e.g. origFreq=8 and newFreq=1 to downsample 44100 Hz by 8`,
    );
  }
}

/** @internal The polyphase filters of a sinc resampler and the padding they need. */
export interface SincKernel {
  /** `[newFreq / gcd, 1, 2 * width + origFreq / gcd]` filter taps, row-major float32. */
  taps: Float32Array;
  width: number;
  orig: number;
  next: number;
}

/**
 * @internal torchaudio's `_get_sinc_resample_kernel` (computed in double precision and stored as
 * float32, as `transforms.Resample` does): for each of the `newFreq / gcd` output phases, the
 * windowed-sinc weights of the input samples around it, cut off at `lowpassFilterWidth` zero
 * crossings of a low-pass at `rolloff` times the lower Nyquist frequency.
 */
export function sincResampleKernel(origFreq: number, newFreq: number, lowpassFilterWidth: number, rolloff: number, method: ResamplingMethod, beta: number | null, op: string): SincKernel {
  checkInt(lowpassFilterWidth, op, 'lowpassFilterWidth', 1);
  checkNumber(rolloff, op, 'rolloff');
  if (!(rolloff > 0)) throw new ValueError(`${op}: rolloff must be positive, got ${rolloff}`);
  if (beta !== null) checkNumber(beta, op, 'beta');
  const g = gcd(origFreq, newFreq);
  const orig = origFreq / g;
  const next = newFreq / g;
  const baseFreq = Math.min(orig, next) * rolloff;
  const width = Math.ceil((lowpassFilterWidth * orig) / baseFreq);
  const taps = 2 * width + orig;
  const out = new Float32Array(next * taps);
  // torchaudio holds beta in a float32 tensor, so I0(beta) is a float32 value.
  const betaF = Math.fround(beta ?? 14.769656459379492);
  const i0Beta = Math.fround(besselI0(betaF));
  const scale = baseFreq / orig;
  for (let p = 0; p < next; p++) {
    for (let j = 0; j < taps; j++) {
      let t = (-p / next + (j - width) / orig) * baseFreq;
      t = Math.min(lowpassFilterWidth, Math.max(-lowpassFilterWidth, t));
      let window: number;
      if (method === 'sinc_interp_hann') window = Math.cos((t * Math.PI) / lowpassFilterWidth / 2) ** 2;
      else {
        const r = t / lowpassFilterWidth;
        window = besselI0(betaF * Math.sqrt(1 - r * r)) / i0Beta;
      }
      const x = t * Math.PI;
      const sinc = x === 0 ? 1 : Math.sin(x) / x;
      out[p * taps + j] = sinc * window * scale;
    }
  }
  return { taps: out, width, orig, next };
}
