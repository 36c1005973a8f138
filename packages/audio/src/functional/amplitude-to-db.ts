import { amax, clamp, log10, maximum, mul, ShapeError, sub, type Tensor, ValueError } from '@dl/core';
import { checkFloatTensor, checkNumber, fmtShape } from './internal/checks';

/**
 * Power or amplitude to decibels (torchaudio's `functional.amplitude_to_DB`):
 * `multiplier * log10(max(x, amin)) - multiplier * dbMultiplier`, then, with `topDb`, clipped from
 * below at `max - topDb`, the maximum taken over each item's last three dimensions
 * (`[channel, freq, time]`; the last two for a 2-D input).
 *
 * @param x a spectrogram `[..., freq, time]`.
 * @param multiplier 10 for power, 20 for amplitude.
 * @param amin the smallest value taken before the log (e.g. 1e-10).
 * @param dbMultiplier `log10(max(amin, ref))`.
 * @param topDb the dynamic range kept below the maximum (80 is typical), or `null` for no clipping.
 * @example
 * ```ts
 * const db = functional.amplitudeToDB(spec, 10, 1e-10, 0, 80);
 * ```
 */
export function amplitudeToDB(x: Tensor, multiplier: number, amin: number, dbMultiplier: number, topDb: number | null = null): Tensor {
  const op = 'amplitudeToDB';
  checkFloatTensor(x, op, 'x', 0, '[..., freq, time]');
  checkNumber(multiplier, op, 'multiplier');
  checkNumber(amin, op, 'amin');
  checkNumber(dbMultiplier, op, 'dbMultiplier');
  if (!(amin > 0)) throw new ValueError(`${op}: amin must be positive, got ${amin}`);
  let xDb = sub(mul(log10(clamp(x, { min: amin })), multiplier), multiplier * dbMultiplier);
  if (topDb !== null) {
    checkNumber(topDb, op, 'topDb');
    if (x.ndim < 2) throw new ShapeError(`${op}: topDb needs a spectrogram of shape [..., freq, time], got shape ${fmtShape(x.shape)}`);
    const shape = x.shape;
    const packed = x.ndim > 2 ? shape[shape.length - 3] : 1;
    const items = xDb.reshape([-1, packed, shape[shape.length - 2], shape[shape.length - 1]]);
    const floor = sub(amax(items, [-3, -2, -1], { keepdim: true }), topDb);
    xDb = maximum(items, floor).reshape(shape);
  }
  return xDb;
}
