import { cat, cumsum, div, indexSelect, mean, mul, pow, rsqrt, sub, type Tensor, tensor, where, zeros } from '@dl/core';
import { checkFloatTensor, checkInt } from './internal/checks';

/** Options of {@link slidingWindowCmn}. */
export interface SlidingWindowCmnOptions {
  /** Frames in the running window. @default 600 */
  cmnWindow?: number;
  /** The smallest window at the start (only when not `center`). @default 100 */
  minCmnWindow?: number;
  /** A window centred on the current frame rather than ending at it. @default false */
  center?: boolean;
  /** Also normalize the variance to one. @default false */
  normVars?: boolean;
}

/**
 * @internal The window `[start, end)` of each frame, as torchaudio's (Kaldi's) sliding CMN moves it.
 */
export function cmnWindows(numFrames: number, cmnWindow: number, minCmnWindow: number, center: boolean): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(numFrames);
  const ends = new Int32Array(numFrames);
  for (let t = 0; t < numFrames; t++) {
    let start: number;
    let end: number;
    if (center) {
      start = t - Math.floor(cmnWindow / 2);
      end = start + cmnWindow;
    } else {
      start = t - cmnWindow;
      end = t + 1;
    }
    if (start < 0) {
      end -= start;
      start = 0;
    }
    if (!center && end > t) end = Math.max(t + 1, minCmnWindow);
    if (end > numFrames) {
      start -= end - numFrames;
      end = numFrames;
      if (start < 0) start = 0;
    }
    starts[t] = start;
    ends[t] = end;
  }
  return { starts, ends };
}

/**
 * Sliding-window cepstral mean (and variance) normalization per utterance (torchaudio's
 * `functional.sliding_window_cmn`, Kaldi's `apply-cmvn-sliding`): subtracts from each frame the
 * mean of the features over a window of `cmnWindow` frames around or before it (and divides by
 * their standard deviation with `normVars`). Window sums come from cumulative sums, so the cost
 * does not grow with the window. Differentiable.
 *
 * @param specgram features `[..., time, freq]` (time before features, as in Kaldi).
 * @example
 * ```ts
 * const feats = new transforms.MFCC()(wave).transpose(-1, -2); // [channel, time, nMfcc]
 * const normalized = functional.slidingWindowCmn(feats, { cmnWindow: 300, center: true });
 * ```
 */
export function slidingWindowCmn(specgram: Tensor, options: SlidingWindowCmnOptions = {}): Tensor {
  const op = 'slidingWindowCmn';
  const cmnWindow = options.cmnWindow ?? 600;
  const minCmnWindow = options.minCmnWindow ?? 100;
  const center = options.center ?? false;
  const normVars = options.normVars ?? false;
  checkFloatTensor(specgram, op, 'specgram', 2, '[..., time, freq]');
  checkInt(cmnWindow, op, 'cmnWindow', 1);
  checkInt(minCmnWindow, op, 'minCmnWindow', 0);
  const shape = specgram.shape;
  const numFrames = shape[shape.length - 2];
  const numFeats = shape[shape.length - 1];
  if (numFrames === 0) return specgram;
  const x = specgram.reshape([-1, numFrames, numFeats]);
  const { starts, ends } = cmnWindows(numFrames, cmnWindow, minCmnWindow, center);
  const counts = Float32Array.from(starts, (s, t) => ends[t] - s);
  // The result does not change when a constant is subtracted per feature; subtracting the
  // utterance mean first keeps the float32 cumulative sums small.
  const xc = sub(x, mean(x, 1, { keepdim: true }));
  const startIdx = tensor(starts);
  const endIdx = tensor(ends);
  const n = tensor(counts).reshape([1, numFrames, 1]);
  const windowSum = (v: Tensor) => {
    const cs = cat([zeros([v.shape[0], 1, numFeats]), cumsum(v, 1)], 1);
    return sub(indexSelect(cs, 1, endIdx), indexSelect(cs, 1, startIdx));
  };
  const windowMean = div(windowSum(xc), n);
  let out = sub(xc, windowMean);
  if (normVars) {
    const variance = sub(div(windowSum(pow(xc, 2)), n), pow(windowMean, 2));
    out = mul(out, rsqrt(variance));
    const single = tensor(Array.from(counts, (c) => c === 1)).reshape([1, numFrames, 1]);
    out = where(single, 0, out);
  }
  return out.reshape(shape);
}
