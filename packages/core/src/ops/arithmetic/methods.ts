// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { add } from './add';
import { addcdiv } from './addcdiv';
import { addcmul, type AddcOptions } from './addcmul';
import { bmm } from './bmm';
import { div, type DivOptions } from './div';
import { dot } from './dot';
import { floorDivide } from './floor-divide';
import { fmod } from './fmod';
import { lerp } from './lerp';
import { matmul } from './matmul';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { mm } from './mm';
import { mul } from './mul';
import { mv } from './mv';
import { outer } from './outer';
import { pow } from './pow';
import { remainder } from './remainder';
import { sub } from './sub';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorArithmeticMethods {
  /** `this + alpha * other`; see {@link add}. */
  add(other: TensorLike, options?: { alpha?: number }): Tensor;
  /** `this - alpha * other`; see {@link sub}. */
  sub(other: TensorLike, options?: { alpha?: number }): Tensor;
  /** Alias of `sub`; see {@link sub}. */
  subtract(other: TensorLike, options?: { alpha?: number }): Tensor;
  /** Elementwise product; see {@link mul}. */
  mul(other: TensorLike): Tensor;
  /** Alias of `mul`; see {@link mul}. */
  multiply(other: TensorLike): Tensor;
  /** Elementwise division (true division unless `roundingMode`); see {@link div}. */
  div(other: TensorLike, options?: DivOptions): Tensor;
  /** Alias of `div`; see {@link div}. */
  divide(other: TensorLike, options?: DivOptions): Tensor;
  /** True division; see {@link div}. */
  trueDivide(other: TensorLike): Tensor;
  /** Division rounded down (`//`); see {@link floorDivide}. */
  floorDivide(other: TensorLike): Tensor;
  /** Elementwise power; see {@link pow}. */
  pow(exponent: TensorLike): Tensor;
  /** Python-style modulus (sign of the divisor); see {@link remainder}. */
  remainder(other: TensorLike): Tensor;
  /** C-style modulus (sign of the dividend); see {@link fmod}. */
  fmod(other: TensorLike): Tensor;
  /** Elementwise maximum with another tensor; see {@link maximum}. */
  maximum(other: TensorLike): Tensor;
  /** Elementwise minimum with another tensor; see {@link minimum}. */
  minimum(other: TensorLike): Tensor;
  /** `this + value * tensor1 * tensor2`; see {@link addcmul}. */
  addcmul(tensor1: Tensor, tensor2: Tensor, options?: AddcOptions): Tensor;
  /** `this + value * tensor1 / tensor2`; see {@link addcdiv}. */
  addcdiv(tensor1: Tensor, tensor2: Tensor, options?: AddcOptions): Tensor;
  /** Linear interpolation towards `end`; see {@link lerp}. */
  lerp(end: Tensor, weight: number | Tensor): Tensor;
  /** Matrix product; see {@link matmul}. */
  matmul(other: Tensor): Tensor;
  /** 2-D matrix product; see {@link mm}. */
  mm(mat2: Tensor): Tensor;
  /** Batched 3-D matrix product; see {@link bmm}. */
  bmm(mat2: Tensor): Tensor;
  /** Matrix-vector product; see {@link mv}. */
  mv(vec: Tensor): Tensor;
  /** Dot product of 1-D tensors; see {@link dot}. */
  dot(other: Tensor): Tensor;
  /** Outer product of 1-D tensors; see {@link outer}. */
  outer(vec2: Tensor): Tensor;
  /** Alias of `outer`; see {@link outer}. */
  ger(vec2: Tensor): Tensor;
}

const P = Tensor.prototype;
P.add = function (this: Tensor, other: TensorLike, options?: { alpha?: number }) {
  return add(this, other, options);
};
P.sub = function (this: Tensor, other: TensorLike, options?: { alpha?: number }) {
  return sub(this, other, options);
};
P.subtract = P.sub;
P.mul = function (this: Tensor, other: TensorLike) {
  return mul(this, other);
};
P.multiply = P.mul;
P.div = function (this: Tensor, other: TensorLike, options?: DivOptions) {
  return div(this, other, options);
};
P.divide = P.div;
P.trueDivide = function (this: Tensor, other: TensorLike) {
  return div(this, other);
};
P.floorDivide = function (this: Tensor, other: TensorLike) {
  return floorDivide(this, other);
};
P.pow = function (this: Tensor, exponent: TensorLike) {
  return pow(this, exponent);
};
P.remainder = function (this: Tensor, other: TensorLike) {
  return remainder(this, other);
};
P.fmod = function (this: Tensor, other: TensorLike) {
  return fmod(this, other);
};
P.maximum = function (this: Tensor, other: TensorLike) {
  return maximum(this, other);
};
P.minimum = function (this: Tensor, other: TensorLike) {
  return minimum(this, other);
};
P.addcmul = function (this: Tensor, tensor1: Tensor, tensor2: Tensor, options?: AddcOptions) {
  return addcmul(this, tensor1, tensor2, options);
};
P.addcdiv = function (this: Tensor, tensor1: Tensor, tensor2: Tensor, options?: AddcOptions) {
  return addcdiv(this, tensor1, tensor2, options);
};
P.lerp = function (this: Tensor, end: Tensor, weight: number | Tensor) {
  return lerp(this, end, weight);
};
P.matmul = function (this: Tensor, other: Tensor) {
  return matmul(this, other);
};
P.mm = function (this: Tensor, mat2: Tensor) {
  return mm(this, mat2);
};
P.bmm = function (this: Tensor, mat2: Tensor) {
  return bmm(this, mat2);
};
P.mv = function (this: Tensor, vec: Tensor) {
  return mv(this, vec);
};
P.dot = function (this: Tensor, other: Tensor) {
  return dot(this, other);
};
P.outer = function (this: Tensor, vec2: Tensor) {
  return outer(this, vec2);
};
P.ger = P.outer;
