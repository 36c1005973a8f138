// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { add } from './add';
import { matmul } from './matmul';
import { mul } from './mul';

declare module '../../tensor/tensor' {
  interface Tensor {
    /** `this + alpha * other`; see {@link add}. */
    add(other: TensorLike, options?: { alpha?: number }): Tensor;
    /** Elementwise product; see {@link mul}. */
    mul(other: TensorLike): Tensor;
    /** Matrix product; see {@link matmul}. */
    matmul(other: Tensor): Tensor;
  }
}

Tensor.prototype.add = function (this: Tensor, other: TensorLike, options?: { alpha?: number }) {
  return add(this, other, options);
};
Tensor.prototype.mul = function (this: Tensor, other: TensorLike) {
  return mul(this, other);
};
Tensor.prototype.matmul = function (this: Tensor, other: Tensor) {
  return matmul(this, other);
};
