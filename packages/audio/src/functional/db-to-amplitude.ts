import { mul, pow, type Tensor } from '@dl/core';
import { checkFloatTensor, checkNumber } from './internal/checks';

/**
 * Decibels back to power or amplitude (torchaudio's `functional.DB_to_amplitude`):
 * `ref * (10 ** (0.1 x)) ** power`.
 *
 * @param x values in dB.
 * @param ref the reference the output is scaled by.
 * @param power 1 gives power, 0.5 amplitude.
 * @example
 * ```ts
 * functional.DBToAmplitude(dl.tensor([0, 10, 20]), 1, 1).tolist(); // [1, 10, 100]
 * ```
 */
export function DBToAmplitude(x: Tensor, ref: number, power: number): Tensor {
  const op = 'DBToAmplitude';
  checkFloatTensor(x, op, 'x', 0, '[...]');
  checkNumber(ref, op, 'ref');
  checkNumber(power, op, 'power');
  return mul(pow(pow(10, mul(x, 0.1)), power), ref);
}
