import { flatten } from '../../ops/shape/flatten';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `Flatten`. */
export interface FlattenOptions {
  /** First dim to flatten. @default 1 */
  startDim?: number;
  /** Last dim to flatten. @default -1 */
  endDim?: number;
}

/**
 * Flattens dims `startDim..endDim` into one (PyTorch's `nn.Flatten`; by default everything but
 * the batch dim).
 *
 * @example
 * ```ts
 * new nn.Flatten().forward(dl.zeros([32, 64, 5, 5])).shape; // [32, 1600]
 * ```
 */
export class Flatten extends Module {
  startDim: number;
  endDim: number;

  constructor(options: FlattenOptions = {}) {
    super();
    assertOptions(options, 'Flatten', '{ startDim: 1, endDim: -1 }');
    this.startDim = options.startDim ?? 1;
    this.endDim = options.endDim ?? -1;
  }

  override forward(input: Tensor): Tensor {
    return flatten(input, this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}
