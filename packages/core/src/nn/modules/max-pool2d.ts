import { maxPool2d } from '../../ops/functional/max-pool';
import type { Tensor } from '../../tensor/tensor';
import type { IntOrTuple } from './conv-base';
import { checkTensor } from './check-input';
import { MaxPoolBase, type MaxPoolLayerOptions, type MaxPoolOutput } from './max-pool-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Max pooling over (N, C, H, W) or (C, H, W) input (PyTorch's `nn.MaxPool2d`). With `returnIndices: true` it also
 * returns each maximum's flat index in its input plane.
 *
 * @example
 * ```ts
 * const pool = new nn.MaxPool2d(2);
 * ```
 */
export class MaxPool2d<R extends boolean = false> extends MaxPoolBase<R> {
  constructor(kernelSize: IntOrTuple, options: MaxPoolLayerOptions<R> = {}) {
    super(kernelSize, options);
    assertOptions(options, 'MaxPool2d', '{ stride: 2, padding: 1 }');
  }

  override forward(input: Tensor): MaxPoolOutput<R> {
    checkTensor('MaxPool2d', input);
    return maxPool2d(input, this.kernelSize, {
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      ceilMode: this.ceilMode,
      returnIndices: this.returnIndices,
    }) as MaxPoolOutput<R>;
  }
}
