// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import { logSoftmax } from './log-softmax';
import { softmax } from './softmax';
import type { SoftmaxOptions } from './softmax-core';

declare module '../../tensor/tensor' {
  interface Tensor {
    /** Softmax along `dim`; see {@link softmax}. */
    softmax(dim: number, options?: SoftmaxOptions): Tensor;
    /** Log-softmax along `dim`; see {@link logSoftmax}. */
    logSoftmax(dim: number, options?: SoftmaxOptions): Tensor;
  }
}

Tensor.prototype.softmax = function (this: Tensor, dim: number, options?: SoftmaxOptions) {
  return softmax(this, dim, options);
};
Tensor.prototype.logSoftmax = function (this: Tensor, dim: number, options?: SoftmaxOptions) {
  return logSoftmax(this, dim, options);
};
