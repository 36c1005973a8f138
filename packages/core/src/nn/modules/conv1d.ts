import type { Tensor } from '../../tensor/tensor';
import { ConvBase, type ConvLayerOptions, type IntOrTuple } from './conv-base';
import { convForward } from './conv-nd';
import { assertOptions } from '../../ops/arg-checks';

/**
 * A 1-D convolution over (N, C, L) or (C, L) sequences (PyTorch's `nn.Conv1d`), with strides, padding (numbers,
 * `'same'`, `'valid'`; modes zeros/reflect/replicate/circular), dilation and groups, initialised
 * as PyTorch does.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv1d(16, 33, 3, { stride: 2 });
 * conv.forward(dl.randn([20, 16, 50])).shape; // [20, 33, 24]
 * ```
 */
export class Conv1d extends ConvBase {
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, options: ConvLayerOptions = {}) {
    super('Conv1d', 1, inChannels, outChannels, kernelSize, options, false);
    assertOptions(options, 'Conv1d', '{ stride: 2, padding: 1 }');
  }

  override forward(input: Tensor): Tensor {
    this.checkConvInput(input);
    return convForward(this, input, this.weight, this.bias);
  }
}
