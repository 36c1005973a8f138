import { adaptiveMaxPool2d } from '../../ops/functional/adaptive-max-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkTensor } from './check-input';
import type { MaxPoolOutput } from './max-pool-base';
import { pyTupleOrNone } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Max pooling to a fixed output size `[H, W]` whatever the input size (PyTorch's
 * `nn.AdaptiveMaxPool2d`), optionally with the argmax indices.
 *
 * @example
 * ```ts
 * new nn.AdaptiveMaxPool2d([5, 7]).forward(dl.randn([1, 64, 8, 9])).shape; // [1, 64, 5, 7]
 * ```
 */
export class AdaptiveMaxPool2d<R extends boolean = false> extends Module {
  outputSize: number | (number | null)[];
  returnIndices: R;

  constructor(outputSize: number | readonly (number | null)[], options: { returnIndices?: R } = {}) {
    super();
    assertOptions(options, 'AdaptiveMaxPool2d', '{ returnIndices: true }');
    this.outputSize = typeof outputSize === 'number' ? outputSize : [...outputSize];
    this.returnIndices = (options.returnIndices ?? false) as R;
  }

  override forward(input: Tensor): MaxPoolOutput<R> {
    checkTensor('AdaptiveMaxPool2d', input);
    return adaptiveMaxPool2d(input, this.outputSize, { returnIndices: this.returnIndices }) as MaxPoolOutput<R>;
  }

  override extraRepr(): string {
    return `output_size=${pyTupleOrNone(this.outputSize)}`;
  }
}
