import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import type { IntOrTuple } from './conv-base';
import { pyBool, pyValue } from './repr';

/** Options of `MaxPool1d` and `MaxPool2d`. */
export interface MaxPoolLayerOptions<R extends boolean = boolean> {
  /** Step of the window. @default kernelSize */
  stride?: IntOrTuple | null;
  /** Implicit -inf padding on both sides. @default 0 */
  padding?: IntOrTuple;
  /** Spacing between window taps. @default 1 */
  dilation?: IntOrTuple;
  /** Also return the argmax indices (for `MaxUnpool`). @default false */
  returnIndices?: R;
  /** Use ceil instead of floor for the output size. @default false */
  ceilMode?: boolean;
}

/** What a max pooling layer returns: the pooled tensor, or it with the indices. */
export type MaxPoolOutput<R extends boolean> = R extends true ? [Tensor, Tensor] : Tensor;

/** PyTorch's `_MaxPoolNd`: settings and repr. */
export abstract class MaxPoolBase<R extends boolean> extends Module {
  kernelSize: IntOrTuple;
  stride: IntOrTuple;
  padding: IntOrTuple;
  dilation: IntOrTuple;
  returnIndices: R;
  ceilMode: boolean;

  constructor(kernelSize: IntOrTuple, options: MaxPoolLayerOptions<R>) {
    super();
    this.kernelSize = kernelSize;
    this.stride = options.stride ?? kernelSize;
    this.padding = options.padding ?? 0;
    this.dilation = options.dilation ?? 1;
    this.returnIndices = (options.returnIndices ?? false) as R;
    this.ceilMode = options.ceilMode ?? false;
  }

  override extraRepr(): string {
    return `kernel_size=${pyValue(this.kernelSize)}, stride=${pyValue(this.stride)}, padding=${pyValue(this.padding)}, dilation=${pyValue(this.dilation)}, ceil_mode=${pyBool(this.ceilMode)}`;
  }
}
