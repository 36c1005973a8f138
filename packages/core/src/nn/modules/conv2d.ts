import type { Tensor } from '../../tensor/tensor';
import { ConvBase, type ConvLayerOptions, type IntOrTuple } from './conv-base';
import { convForward } from './conv-nd';
import { assertOptions } from '../../ops/arg-checks';

/**
 * A 2-D convolution over (N, C, H, W) or (C, H, W) images (PyTorch's `nn.Conv2d`), with strides, padding (numbers,
 * `'same'`, `'valid'`; modes zeros/reflect/replicate/circular), dilation and groups, initialised
 * as PyTorch does.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv2d(1, 32, 3);
 * conv.forward(dl.randn([64, 1, 28, 28])).shape; // [64, 32, 26, 26]
 * ```
 */
export class Conv2d extends ConvBase {
  constructor(inChannels: number, outChannels: number, kernelSize: IntOrTuple, options: ConvLayerOptions = {}) {
    super('Conv2d', 2, inChannels, outChannels, kernelSize, options, false);
    assertOptions(options, 'Conv2d', '{ stride: 2, padding: 1 }');
  }

  override forward(input: Tensor): Tensor {
    this.checkConvInput(input);
    return convForward(this, input, this.weight, this.bias);
  }
}
