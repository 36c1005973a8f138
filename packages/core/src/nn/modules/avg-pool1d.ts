import { avgPool1d } from '../../ops/functional/avg-pool';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkTensor } from './check-input';
import type { IntOrTuple } from './conv-base';
import { pyTuple } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `AvgPool1d`. */
export interface AvgPool1dLayerOptions {
  /** Step of the window. @default kernelSize */
  stride?: IntOrTuple | null;
  /** Implicit zero padding on both sides. @default 0 */
  padding?: IntOrTuple;
  /** Use ceil instead of floor for the output size. @default false */
  ceilMode?: boolean;
  /** Count the zero padding in the average's divisor. @default true */
  countIncludePad?: boolean;
}

const single = (v: IntOrTuple): number[] => (typeof v === 'number' ? [v] : [...v]);

/**
 * Average pooling over (N, C, L) or (C, L) input (PyTorch's `nn.AvgPool1d`).
 *
 * @example
 * ```ts
 * new nn.AvgPool1d(3, { stride: 2 }).forward(dl.randn([20, 16, 50])).shape; // [20, 16, 24]
 * ```
 */
export class AvgPool1d extends Module {
  kernelSize: number[];
  stride: number[];
  padding: number[];
  ceilMode: boolean;
  countIncludePad: boolean;

  constructor(kernelSize: IntOrTuple, options: AvgPool1dLayerOptions = {}) {
    super();
    assertOptions(options, 'AvgPool1d', '{ stride: 2, padding: 1 }');
    this.kernelSize = single(kernelSize);
    this.stride = single(options.stride ?? kernelSize);
    this.padding = single(options.padding ?? 0);
    this.ceilMode = options.ceilMode ?? false;
    this.countIncludePad = options.countIncludePad ?? true;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('AvgPool1d', input);
    return avgPool1d(input, this.kernelSize, { stride: this.stride, padding: this.padding, ceilMode: this.ceilMode, countIncludePad: this.countIncludePad });
  }

  override extraRepr(): string {
    return `kernel_size=${pyTuple(this.kernelSize)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}`;
  }
}
