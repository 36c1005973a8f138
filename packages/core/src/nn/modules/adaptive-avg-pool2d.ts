import { adaptiveAvgPool2d } from '../../ops/functional/adaptive-avg-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkTensor } from './check-input';
import { pyTupleOrNone } from './repr';

/**
 * Average pooling to a fixed output size `[H, W]` whatever the input size (PyTorch's
 * `nn.AdaptiveAvgPool2d`); `null` keeps that dim's input size.
 *
 * @example
 * ```ts
 * new nn.AdaptiveAvgPool2d([1, 1]).forward(dl.randn([8, 512, 7, 7])).shape; // [8, 512, 1, 1]
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  outputSize: number | (number | null)[];

  constructor(outputSize: number | readonly (number | null)[]) {
    super();
    this.outputSize = typeof outputSize === 'number' ? outputSize : [...outputSize];
  }

  override forward(input: Tensor): Tensor {
    checkTensor('AdaptiveAvgPool2d', input);
    return adaptiveAvgPool2d(input, this.outputSize);
  }

  override extraRepr(): string {
    return `output_size=${pyTupleOrNone(this.outputSize)}`;
  }
}
