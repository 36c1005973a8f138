import { ArgumentTypeError, pad, ShapeError, type Tensor, ValueError } from '@dl/core';
import { checkInt, checkNumber, checkTensor, fmtShape } from '../functional/internal/checks';
import { AudioTransform } from './audio-transform';

/** Options of {@link PadTrim}. */
export interface PadTrimOptions {
  /** The value padding adds. @default 0 */
  fillValue?: number;
  /** Whether the tensor is `[channel, time]` (else `[time, channel]`). @default true */
  channelsFirst?: boolean;
}

/**
 * Pads or trims a `[channel, time]` signal to exactly `maxLen` samples (the legacy `PadTrim` of
 * torchaudio 0.2 that the seed chapter composes with {@link Scale}): shorter signals get
 * `fillValue` at the end, longer ones are cut. With `channelsFirst: false` the tensor is
 * `[time, channel]`. Like torchaudio 0.2, refuses a channel dimension of 128 or more (a sign the
 * layout is the other way round).
 *
 * @param maxLen the length to pad or trim to.
 * @example
 * ```ts
 * new transforms.PadTrim(16000)(dl.zeros([1, 12000])).shape; // [1, 16000]
 * String(new transforms.PadTrim(16000)); // 'PadTrim(max_len=16000)'
 * ```
 */
export class PadTrim extends AudioTransform {
  maxLen: number;
  fillValue: number;
  lenDim: number;
  chDim: number;

  constructor(maxLen: number, options: PadTrimOptions = {}) {
    super();
    const op = 'PadTrim';
    checkInt(maxLen, op, 'maxLen', 0);
    this.maxLen = maxLen;
    this.fillValue = options.fillValue ?? 0;
    checkNumber(this.fillValue, op, 'fillValue');
    const channelsFirst = options.channelsFirst ?? true;
    if (typeof channelsFirst !== 'boolean') throw new ArgumentTypeError(`${op}: expected channelsFirst to be a boolean, got ${String(channelsFirst)}`);
    this.lenDim = channelsFirst ? 1 : 0;
    this.chDim = channelsFirst ? 0 : 1;
  }

  /** The signal padded or trimmed to `maxLen` along its time dimension. */
  override forward(tensor: Tensor): Tensor {
    const op = 'PadTrim';
    checkTensor(tensor, op, 'tensor');
    if (tensor.ndim !== 2) throw new ShapeError(`${op}: expected a 2-D signal (${this.lenDim === 1 ? '[channel, time]' : '[time, channel]'}), got shape ${fmtShape(tensor.shape)}`);
    const channels = tensor.shape[this.chDim];
    if (channels >= 128) throw new ValueError(`${op}: too many channels (${channels}) detected, see the channelsFirst option (shape ${fmtShape(tensor.shape)})`);
    const length = tensor.shape[this.lenDim];
    if (this.maxLen > length) {
      const extra = this.maxLen - length;
      return pad(tensor, this.lenDim === 1 ? [0, extra] : [0, 0, 0, extra], { value: this.fillValue });
    }
    if (this.maxLen < length) return tensor.narrow(this.lenDim, 0, this.maxLen);
    return tensor;
  }

  /** torchaudio 0.2's text: `PadTrim(max_len=N)`. */
  override toString(): string {
    return `PadTrim(max_len=${this.maxLen})`;
  }
}
