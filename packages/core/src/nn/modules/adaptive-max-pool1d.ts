import { adaptiveMaxPool1d } from '../../ops/functional/adaptive-max-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkTensor } from './check-input';
import type { MaxPoolOutput } from './max-pool-base';
import { assertOptions } from '../../ops/arg-checks';

/**
 * Max pooling to a fixed output length whatever the input length (PyTorch's
 * `nn.AdaptiveMaxPool1d`), optionally with the argmax indices.
 *
 * @example
 * ```ts
 * new nn.AdaptiveMaxPool1d(5).forward(dl.randn([1, 64, 8])).shape; // [1, 64, 5]
 * ```
 */
export class AdaptiveMaxPool1d<R extends boolean = false> extends Module {
  outputSize: number;
  returnIndices: R;

  constructor(outputSize: number, options: { returnIndices?: R } = {}) {
    super();
    assertOptions(options, 'AdaptiveMaxPool1d', '{ returnIndices: true }');
    this.outputSize = outputSize;
    this.returnIndices = (options.returnIndices ?? false) as R;
  }

  override forward(input: Tensor): MaxPoolOutput<R> {
    checkTensor('AdaptiveMaxPool1d', input);
    return adaptiveMaxPool1d(input, this.outputSize, { returnIndices: this.returnIndices }) as MaxPoolOutput<R>;
  }

  override extraRepr(): string {
    return `output_size=${this.outputSize}`;
  }
}
