// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor, type NestedArray } from '../../tensor/tensor';
import { bernoulli, type BernoulliOptions } from './bernoulli';
import type { CreationOptions, Size } from './creation-options';
import { full } from './full';
import { multinomial, type MultinomialOptions } from './multinomial';
import { ones } from './ones';
import { tensor } from './tensor';
import { zeros } from './zeros';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorCreationMethods {
  /** Zeros of `size` in this tensor's dtype (unless given); PyTorch's `Tensor.new_zeros`. */
  newZeros(size: Size, options?: CreationOptions): Tensor;
  /** Ones of `size` in this tensor's dtype (unless given); PyTorch's `Tensor.new_ones`. */
  newOnes(size: Size, options?: CreationOptions): Tensor;
  /** `fillValue` of `size` in this tensor's dtype (unless given); PyTorch's `Tensor.new_full`. */
  newFull(size: Size, fillValue: number | boolean, options?: CreationOptions): Tensor;
  /** A tensor of `size` in this tensor's dtype (values are zeros); PyTorch's `Tensor.new_empty`. */
  newEmpty(size: Size, options?: CreationOptions): Tensor;
  /** A tensor from data in this tensor's dtype (unless given); PyTorch's `Tensor.new_tensor`. */
  newTensor(data: NestedArray<number> | NestedArray<boolean>, options?: CreationOptions): Tensor;
  /** 0/1 draws with this tensor's values as probabilities; see {@link bernoulli}. */
  bernoulli(options?: BernoulliOptions): Tensor;
  /** Category indices sampled from this tensor's rows of weights; see {@link multinomial}. */
  multinomial(numSamples: number, options?: MultinomialOptions): Tensor;
}

const P = Tensor.prototype;
const withDType = (t: Tensor, options: CreationOptions = {}): CreationOptions => ({ ...options, dtype: options.dtype ?? t.dtype });
P.newZeros = function (this: Tensor, size: Size, options?: CreationOptions) {
  return zeros(size, withDType(this, options));
};
P.newOnes = function (this: Tensor, size: Size, options?: CreationOptions) {
  return ones(size, withDType(this, options));
};
P.newFull = function (this: Tensor, size: Size, fillValue: number | boolean, options?: CreationOptions) {
  return full(size, fillValue, withDType(this, options));
};
P.newEmpty = function (this: Tensor, size: Size, options?: CreationOptions) {
  return zeros(size, withDType(this, options));
};
P.newTensor = function (this: Tensor, data: NestedArray<number> | NestedArray<boolean>, options?: CreationOptions) {
  return tensor(data, withDType(this, options));
};
P.bernoulli = function (this: Tensor, options?: BernoulliOptions) {
  return bernoulli(this, options);
};
P.multinomial = function (this: Tensor, numSamples: number, options?: MultinomialOptions) {
  return multinomial(this, numSamples, options);
};
