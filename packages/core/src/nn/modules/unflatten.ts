import { unflatten } from '../../ops/shape/unflatten';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { pyTuple } from './repr';
import { assertInt, assertNumberList } from '../../ops/arg-checks';

/**
 * Splits dim `dim` into `unflattenedSize` (PyTorch's `nn.Unflatten`); one size may be -1.
 *
 * @example
 * ```ts
 * new nn.Unflatten(1, [2, 5, 5]).forward(dl.zeros([4, 50])).shape; // [4, 2, 5, 5]
 * ```
 */
export class Unflatten extends Module {
  dim: number;
  unflattenedSize: number[];

  constructor(dim: number, unflattenedSize: readonly number[]) {
    super();
    assertInt(dim, 'Unflatten', 'dim');
    assertNumberList(unflattenedSize, 'Unflatten', 'unflattenedSize');
    this.dim = dim;
    this.unflattenedSize = [...unflattenedSize];
  }

  override forward(input: Tensor): Tensor {
    return unflatten(input, this.dim, this.unflattenedSize);
  }

  override extraRepr(): string {
    return `dim=${this.dim}, unflattened_size=${pyTuple(this.unflattenedSize)}`;
  }
}
