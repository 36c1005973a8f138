import { avgPool2d } from '../../ops/functional/avg-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import type { AvgPool1dLayerOptions } from './avg-pool1d';
import { checkTensor } from './check-input';
import type { IntOrTuple } from './conv-base';
import { pyValue } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `AvgPool2d`. */
export interface AvgPool2dLayerOptions extends AvgPool1dLayerOptions {
  /** Divide every window's sum by this instead of its size. @default null */
  divisorOverride?: number | null;
}

/**
 * Average pooling over (N, C, H, W) or (C, H, W) input (PyTorch's `nn.AvgPool2d`).
 *
 * @example
 * ```ts
 * const pool = new nn.AvgPool2d(3, { stride: 2, padding: 1 });
 * ```
 */
export class AvgPool2d extends Module {
  kernelSize: IntOrTuple;
  stride: IntOrTuple;
  padding: IntOrTuple;
  ceilMode: boolean;
  countIncludePad: boolean;
  divisorOverride: number | null;

  constructor(kernelSize: IntOrTuple, options: AvgPool2dLayerOptions = {}) {
    super();
    assertOptions(options, 'AvgPool2d', '{ stride: 2, padding: 1 }');
    this.kernelSize = kernelSize;
    this.stride = options.stride ?? kernelSize;
    this.padding = options.padding ?? 0;
    this.ceilMode = options.ceilMode ?? false;
    this.countIncludePad = options.countIncludePad ?? true;
    this.divisorOverride = options.divisorOverride ?? null;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('AvgPool2d', input);
    return avgPool2d(input, this.kernelSize, {
      stride: this.stride,
      padding: this.padding,
      ceilMode: this.ceilMode,
      countIncludePad: this.countIncludePad,
      divisorOverride: this.divisorOverride,
    });
  }

  override extraRepr(): string {
    return `kernel_size=${pyValue(this.kernelSize)}, stride=${pyValue(this.stride)}, padding=${pyValue(this.padding)}`;
  }
}
