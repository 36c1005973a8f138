import { adaptiveAvgPool1d } from '../../ops/functional/adaptive-avg-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkTensor } from './check-input';

/**
 * Average pooling to a fixed output length whatever the input length (PyTorch's
 * `nn.AdaptiveAvgPool1d`).
 *
 * @example
 * ```ts
 * new nn.AdaptiveAvgPool1d(5).forward(dl.randn([1, 64, 8])).shape; // [1, 64, 5]
 * ```
 */
export class AdaptiveAvgPool1d extends Module {
  outputSize: number;

  constructor(outputSize: number) {
    super();
    this.outputSize = outputSize;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('AdaptiveAvgPool1d', input);
    return adaptiveAvgPool1d(input, this.outputSize);
  }

  override extraRepr(): string {
    return `output_size=${this.outputSize}`;
  }
}
