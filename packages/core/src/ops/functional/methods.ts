// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import { logSoftmax } from './log-softmax';
import { softmax } from './softmax';
import type { SoftmaxOptions } from './softmax-core';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorFunctionalMethods {
  /** Softmax along `dim`; see {@link softmax}. */
  softmax(dim: number, options?: SoftmaxOptions): Tensor;
  /** Log-softmax along `dim`; see {@link logSoftmax}. */
  logSoftmax(dim: number, options?: SoftmaxOptions): Tensor;
}

Tensor.prototype.softmax = function (this: Tensor, dim: number, options?: SoftmaxOptions) {
  return softmax(this, dim, options);
};
Tensor.prototype.logSoftmax = function (this: Tensor, dim: number, options?: SoftmaxOptions) {
  return logSoftmax(this, dim, options);
};
