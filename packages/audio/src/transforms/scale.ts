import { div, type Tensor, toFloat, ValueError } from '@dl/core';
import { checkNumber, checkTensor } from '../functional/internal/checks';
import { AudioTransform } from './audio-transform';

/**
 * Scales integer-valued audio to floats by dividing by `factor` (the legacy `Scale` of torchaudio
 * 0.2, which the seed chapter composes with {@link PadTrim}): by default `2 ** 31`, for samples
 * held as 32-bit integers. Integer tensors are converted to float32 first.
 *
 * @param factor the divisor (the largest sample value). @default 2 ** 31
 * @example
 * ```ts
 * new transforms.Scale()(dl.tensor([2 ** 30], { dtype: 'int32' })).tolist(); // [0.5]
 * new transforms.Scale(2 ** 15)(pcm16).max(); // <= 1
 * ```
 */
export class Scale extends AudioTransform {
  factor: number;

  constructor(factor = 2 ** 31) {
    super();
    checkNumber(factor, 'Scale', 'factor');
    if (factor === 0) throw new ValueError('Scale: factor must be nonzero, got 0');
    this.factor = factor;
  }

  /** `tensor / factor`, as float32. */
  override forward(tensor: Tensor): Tensor {
    checkTensor(tensor, 'Scale', 'tensor');
    return div(tensor.dtype === 'float32' ? tensor : toFloat(tensor), this.factor);
  }

  /** torchaudio 0.2's text: `Scale()`. */
  override toString(): string {
    return 'Scale()';
  }
}
