import { add, mul, pad, type PadMode, sub, type Tensor, ValueError } from '@dl/core';
import { checkChoice, checkFloatTensor, checkInt } from './internal/checks';
import { PAD_MODES } from './internal/stft-args';

/** Options of {@link computeDeltas}. */
export interface ComputeDeltasOptions {
  /** Frames in the regression window (odd; an even value uses `winLength - 1`). @default 5 */
  winLength?: number;
  /** How the ends are padded: `'replicate'`, `'reflect'`, `'constant'` or `'circular'`. @default 'replicate' */
  mode?: PadMode;
}

/**
 * Delta (time-derivative) coefficients (torchaudio's `functional.compute_deltas`):
 * `d_t = sum_{n=1..N} n (c_{t+n} - c_{t-n}) / (2 sum_{n=1..N} n^2)` with `N = (winLength - 1) / 2`,
 * the ends padded by `mode`. Apply twice for delta-deltas. Differentiable.
 *
 * @param specgram `[..., freq, time]`.
 * @example
 * ```ts
 * const mfcc = new transforms.MFCC()(wave);
 * const delta = functional.computeDeltas(mfcc);
 * const delta2 = functional.computeDeltas(delta);
 * ```
 */
export function computeDeltas(specgram: Tensor, options: ComputeDeltasOptions = {}): Tensor {
  const op = 'computeDeltas';
  const winLength = options.winLength ?? 5;
  const mode = options.mode ?? 'replicate';
  checkFloatTensor(specgram, op, 'specgram', 1, '[..., freq, time]');
  checkInt(winLength, op, 'winLength', Number.NEGATIVE_INFINITY);
  if (winLength < 3) throw new ValueError(`${op}: window length should be greater than or equal to 3, got winLength=${winLength}`);
  checkChoice(mode, PAD_MODES, op, 'mode');
  const shape = specgram.shape;
  const time = shape[shape.length - 1];
  const n = Math.floor((winLength - 1) / 2);
  const denom = (n * (n + 1) * (2 * n + 1)) / 3;
  const padded = pad(specgram.reshape([1, -1, time]), [n, n], { mode });
  let acc: Tensor | null = null;
  for (let i = 1; i <= n; i++) {
    const term = mul(sub(padded.narrow(2, n + i, time), padded.narrow(2, n - i, time)), i);
    acc = acc === null ? term : add(acc, term);
  }
  return mul(acc!, 1 / denom).reshape(shape);
}
