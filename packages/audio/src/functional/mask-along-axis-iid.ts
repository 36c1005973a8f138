import { defaultGenerator, maskedFill, ShapeError, type Tensor, tensor, ValueError } from '@dl/core';
import { checkFloatTensor, fmtShape } from './internal/checks';
import { checkMaskArgs, maskInterval, maskParamFor } from './internal/mask-draw';
import type { MaskOptions } from './mask-along-axis';

/**
 * Masks one random interval per example and channel (torchaudio's
 * `functional.mask_along_axis_iid`): for each `[batch, channel]` item its own length uniform in
 * `[0, maskParam)` and start uniform in `[0, size - length)`. Draws `batch * channel` lengths, then
 * as many starts, from the generator (torch's `rand` order, so seeded runs match torchaudio's).
 *
 * @param specgrams `[batch, channel, freq, time]`.
 * @param maskParam the largest mask length (exclusive).
 * @param maskValue the fill value.
 * @param axis 2 for frequency, 3 for time.
 * @example
 * ```ts
 * const masked = functional.maskAlongAxisIid(batch, 20, 0, 3); // batch: [8, 1, 80, 101]
 * ```
 */
export function maskAlongAxisIid(specgrams: Tensor, maskParam: number, maskValue: number, axis: number, options: MaskOptions = {}): Tensor {
  const op = 'maskAlongAxisIid';
  checkFloatTensor(specgrams, op, 'specgrams', 0, '[batch, channel, freq, time]');
  if (specgrams.ndim !== 4) throw new ShapeError(`${op}: expected specgrams of shape [batch, channel, freq, time] (4 dimensions), got shape ${fmtShape(specgrams.shape)}`);
  if (axis !== 2 && axis !== 3) throw new ValueError(`${op}: only frequency (axis 2) and time (axis 3) masking are supported, got axis ${axis}`);
  const p = options.p ?? 1;
  checkMaskArgs(op, maskParam, maskValue, p);
  const [b, c] = specgrams.shape;
  const size = specgrams.shape[axis];
  const param = maskParamFor(maskParam, p, size);
  if (param < 1) return specgrams;
  const g = options.generator ?? defaultGenerator;
  const items = b * c;
  const u1 = Array.from({ length: items }, () => g.nextFloat());
  const u2 = Array.from({ length: items }, () => g.nextFloat());
  const mask: boolean[] = new Array(items * size).fill(false);
  for (let i = 0; i < items; i++) {
    const [start, end] = maskInterval(u1[i], u2[i], param, size);
    for (let j = Math.max(0, start); j < Math.min(size, end); j++) mask[i * size + j] = true;
  }
  const m = tensor(mask).reshape(axis === 2 ? [b, c, size, 1] : [b, c, 1, size]);
  return maskedFill(specgrams, m, maskValue);
}
