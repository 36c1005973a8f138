import { type Generator, type Tensor, ValueError } from '@dl/core';
import { checkInt, checkNumber } from '../../functional/internal/checks';
import { maskAlongAxis } from '../../functional/mask-along-axis';
import { maskAlongAxisIid } from '../../functional/mask-along-axis-iid';
import { AudioTransform } from '../audio-transform';

/**
 * The shared base of {@link FrequencyMasking} and {@link TimeMasking} (torchaudio's
 * `_AxisMasking`): one random interval along `axis` (1 frequency, 2 time of `[..., freq, time]`),
 * independently per example and channel with `iidMasks` on a 4-D batch.
 */
export abstract class AxisMasking extends AudioTransform<[Tensor, number?]> {
  maskParam: number;
  axis: number;
  iidMasks: boolean;
  p: number;
  declare private generator: Generator | undefined;

  constructor(op: string, maskParam: number, axis: number, iidMasks: boolean, p: number, generator: Generator | undefined) {
    super();
    checkInt(maskParam, op, 'maskParam', 0);
    checkNumber(p, op, 'p');
    if (!(p >= 0 && p <= 1)) throw new ValueError(`${op}: the value of p must be between 0.0 and 1.0, got ${p}`);
    this.maskParam = maskParam;
    this.axis = axis;
    this.iidMasks = iidMasks;
    this.p = p;
    Object.defineProperty(this, 'generator', { value: generator, enumerable: false, writable: true });
  }

  /** `[..., freq, time]` with one interval set to `maskValue`. */
  override forward(specgram: Tensor, maskValue = 0): Tensor {
    if (this.iidMasks && specgram.ndim === 4) {
      return maskAlongAxisIid(specgram, this.maskParam, maskValue, this.axis + 1, { p: this.p, generator: this.generator });
    }
    return maskAlongAxis(specgram, this.maskParam, maskValue, this.axis, { p: this.p, generator: this.generator });
  }
}
