import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { ConvBase, type IntOrTuple, type ConvLayerOptions } from './conv-base';
import { convTransposeForward } from './conv-transpose-nd';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `ConvTranspose1d`. */
export interface ConvTranspose1dOptions extends Omit<ConvLayerOptions, 'padding'> {
  /** `dilation * (kernel - 1) - padding` zeros of implicit padding on both sides. @default 0 */
  padding?: IntOrTuple;
  /** Extra size on one side of the output, to pick among the sizes a stride allows. @default 0 */
  outputPadding?: IntOrTuple;
}

/**
 * A 1-D transposed convolution (the gradient of a convolution, "deconvolution") over
 * (N, C, L) or (C, L) input (PyTorch's `nn.ConvTranspose1d`). Weight `[in, out / groups, *k]`. Only zero padding.
 *
 * @example
 * ```ts
 * const up = new nn.ConvTranspose1d(16, 33, 3, { stride: 2 });
 * const y = up.forward(x);
 * ```
 */
export class ConvTranspose1d extends ConvBase {
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, options: ConvTranspose1dOptions = {}) {
    if (options.paddingMode !== undefined && options.paddingMode !== 'zeros') {
      throw new ValueError(`ConvTranspose1d: Only "zeros" padding mode is supported for ConvTranspose1d, got '${options.paddingMode}'`);
    }
    super('ConvTranspose1d', 1, inChannels, outChannels, kernelSize, options, true);
    assertOptions(options, 'ConvTranspose1d', '{ stride: 2, padding: 1 }');
  }

  /** Applies the transposed convolution; `outputSize` picks the output size when the stride allows several. */
  override forward(input: Tensor, options: { outputSize?: readonly number[] | null } = {}): Tensor {
    this.checkConvInput(input);
    return convTransposeForward(this, input, options.outputSize);
  }
}
