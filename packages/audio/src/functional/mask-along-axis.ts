import { defaultGenerator, type Generator, maskedFill, type Tensor, tensor, ValueError } from '@dl/core';
import { checkFloatTensor } from './internal/checks';
import { checkMaskArgs, maskInterval, maskParamFor } from './internal/mask-draw';

/** Options of {@link maskAlongAxis} and {@link maskAlongAxisIid}. */
export interface MaskOptions {
  /** The largest fraction of the axis one mask may cover. @default 1 */
  p?: number;
  /** The source of the random mask positions. @default defaultGenerator (seeded by `manualSeed`) */
  generator?: Generator;
}

/**
 * Masks one random interval of frequency bins or frames (torchaudio's `functional.mask_along_axis`,
 * SpecAugment): a length `v` uniform in `[0, maskParam)` and a start uniform in `[0, size - v)`, the
 * same interval for every item of the batch, filled with `maskValue`. Draws two float32 uniforms
 * from the generator, as torchaudio draws them from torch's, so after `manualSeed(s)` the masks
 * are torchaudio's after `torch.manual_seed(s)`.
 *
 * @param specgram `[..., freq, time]`.
 * @param maskParam the largest mask length (exclusive).
 * @param maskValue the fill value.
 * @param axis 1 for frequency, 2 for time (of the `[channel, freq, time]` layout).
 * @example
 * ```ts
 * dl.manualSeed(0);
 * const masked = functional.maskAlongAxis(spec, 30, 0, 2); // up to 29 frames set to 0
 * ```
 */
export function maskAlongAxis(specgram: Tensor, maskParam: number, maskValue: number, axis: number, options: MaskOptions = {}): Tensor {
  const op = 'maskAlongAxis';
  checkFloatTensor(specgram, op, 'specgram', 2, '[..., freq, time]');
  if (axis !== 1 && axis !== 2) throw new ValueError(`${op}: only frequency (axis 1) and time (axis 2) masking are supported, got axis ${axis}`);
  const p = options.p ?? 1;
  checkMaskArgs(op, maskParam, maskValue, p);
  const shape = specgram.shape;
  const size = shape[shape.length + axis - 3];
  const param = maskParamFor(maskParam, p, size);
  if (param < 1) return specgram;
  const g = options.generator ?? defaultGenerator;
  const u1 = g.nextFloat();
  const u2 = g.nextFloat();
  const [start, end] = maskInterval(u1, u2, param, size);
  const mask = new Uint8Array(size);
  for (let i = Math.max(0, start); i < Math.min(size, end); i++) mask[i] = 1;
  const m = tensor(Array.from(mask, Boolean)).reshape(axis === 1 ? [size, 1] : [size]);
  return maskedFill(specgram, m, maskValue);
}
