// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { AddcOptions } from '../arithmetic/addcmul';
import type { DivOptions } from '../arithmetic/div';
import type { TensorLike } from '../operands';
import type { ClampBound, ClampOptions } from '../unary/clamp';
import type { RoundOptions } from '../unary/round';
import type { LeakyReluOptions } from '../unary/leaky-relu';
import type { EluOptions } from '../unary/elu';
import type { HardtanhOptions } from '../unary/hardtanh';
import type { NanToNumOptions } from '../unary/nan-to-num';
import { add_, addcdiv_, addcmul_, clamp_, div_, fmod_, lerp_, mul_, pow_, remainder_, sub_ } from './arithmetic-inplace';
import { copy_ } from './copy';
import { fill_, zero_ } from './fill';
import { bernoulli_, normal_, uniform_, type RandomFillOptions } from './random-inplace';
import { abs_, ceil_, cos_, elu_, exp_, floor_, hardtanh_, leakyRelu_, log_, nanToNum_, neg_, reciprocal_, relu_, round_, rsqrt_, sigmoid_, sign_, sin_, sqrt_, square_, tanh_, trunc_ } from './unary-inplace';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorInplaceMethods {
  /** In-place `this += alpha * other`; see {@link add_}. */
  add_(other: TensorLike, options?: { alpha?: number }): this;
  /** In-place `this -= alpha * other`; see {@link sub_}. */
  sub_(other: TensorLike, options?: { alpha?: number }): this;
  /** In-place `this *= other`; see {@link mul_}. */
  mul_(other: TensorLike): this;
  /** In-place division; see {@link div_}. */
  div_(other: TensorLike, options?: DivOptions): this;
  /** In-place power; see {@link pow_}. */
  pow_(exponent: TensorLike): this;
  /** In-place Python-style modulus; see {@link remainder_}. */
  remainder_(other: TensorLike): this;
  /** In-place C-style modulus; see {@link fmod_}. */
  fmod_(other: TensorLike): this;
  /** In-place `this += value * tensor1 * tensor2`; see {@link addcmul_}. */
  addcmul_(tensor1: Tensor, tensor2: Tensor, options?: AddcOptions): this;
  /** In-place `this += value * tensor1 / tensor2`; see {@link addcdiv_}. */
  addcdiv_(tensor1: Tensor, tensor2: Tensor, options?: AddcOptions): this;
  /** In-place interpolation towards `end`; see {@link lerp_}. */
  lerp_(end: Tensor, weight: number | Tensor): this;
  /** In-place clamp; see {@link clamp_}. */
  clamp_(min?: ClampBound | ClampOptions, max?: ClampBound): this;
  /** Alias of `clamp_`; see {@link clamp_}. */
  clip_(min?: ClampBound | ClampOptions, max?: ClampBound): this;
  /** Fills with zeros in place; see {@link zero_}. */
  zero_(): this;
  /** Fills with one value in place; see {@link fill_}. */
  fill_(value: number | boolean | Tensor): this;
  /** Copies `src` (broadcast, cast) into this tensor; see {@link copy_}. */
  copy_(src: Tensor): this;
  /** Fills with uniform random numbers in `[from, to)`; see {@link uniform_}. */
  uniform_(from?: number, to?: number, options?: RandomFillOptions): this;
  /** Fills with normal random numbers; see {@link normal_}. */
  normal_(mean?: number, std?: number, options?: RandomFillOptions): this;
  /** Fills with 0/1 draws of probability `p`; see {@link bernoulli_}. */
  bernoulli_(p?: number | Tensor, options?: RandomFillOptions): this;
  /** In-place `sqrt`; see {@link sqrt_}. */
  sqrt_(): this;
  /** In-place `exp`; see {@link exp_}. */
  exp_(): this;
  /** In-place `log`; see {@link log_}. */
  log_(): this;
  /** In-place `neg`; see {@link neg_}. */
  neg_(): this;
  /** In-place `abs`; see {@link abs_}. */
  abs_(): this;
  /** In-place `relu`; see {@link relu_}. */
  relu_(): this;
  /** In-place `sigmoid`; see {@link sigmoid_}. */
  sigmoid_(): this;
  /** In-place `tanh`; see {@link tanh_}. */
  tanh_(): this;
  /** In-place `square`; see {@link square_}. */
  square_(): this;
  /** In-place `reciprocal`; see {@link reciprocal_}. */
  reciprocal_(): this;
  /** In-place `floor`; see {@link floor_}. */
  floor_(): this;
  /** In-place `ceil`; see {@link ceil_}. */
  ceil_(): this;
  /** In-place `trunc`; see {@link trunc_}. */
  trunc_(): this;
  /** In-place `sign`; see {@link sign_}. */
  sign_(): this;
  /** In-place `rsqrt`; see {@link rsqrt_}. */
  rsqrt_(): this;
  /** In-place `sin`; see {@link sin_}. */
  sin_(): this;
  /** In-place `cos`; see {@link cos_}. */
  cos_(): this;
  /** In-place `round`; see {@link round_}. */
  round_(options?: RoundOptions): this;
  /** In-place `leakyRelu`; see {@link leakyRelu_}. */
  leakyRelu_(options?: LeakyReluOptions): this;
  /** In-place `elu`; see {@link elu_}. */
  elu_(options?: EluOptions): this;
  /** In-place `hardtanh`; see {@link hardtanh_}. */
  hardtanh_(options?: HardtanhOptions): this;
  /** In-place `nanToNum`; see {@link nanToNum_}. */
  nanToNum_(options?: NanToNumOptions): this;
}

const P = Tensor.prototype;
P.add_ = function (this: Tensor, other: TensorLike, options?: { alpha?: number }) {
  return add_(this, other, options) as Tensor;
} as Tensor['add_'];
P.sub_ = function (this: Tensor, other: TensorLike, options?: { alpha?: number }) {
  return sub_(this, other, options) as Tensor;
} as Tensor['sub_'];
P.mul_ = function (this: Tensor, other: TensorLike) {
  return mul_(this, other) as Tensor;
} as Tensor['mul_'];
P.div_ = function (this: Tensor, other: TensorLike, options?: DivOptions) {
  return div_(this, other, options) as Tensor;
} as Tensor['div_'];
P.pow_ = function (this: Tensor, exponent: TensorLike) {
  return pow_(this, exponent) as Tensor;
} as Tensor['pow_'];
P.remainder_ = function (this: Tensor, other: TensorLike) {
  return remainder_(this, other) as Tensor;
} as Tensor['remainder_'];
P.fmod_ = function (this: Tensor, other: TensorLike) {
  return fmod_(this, other) as Tensor;
} as Tensor['fmod_'];
P.addcmul_ = function (this: Tensor, tensor1: Tensor, tensor2: Tensor, options?: AddcOptions) {
  return addcmul_(this, tensor1, tensor2, options) as Tensor;
} as Tensor['addcmul_'];
P.addcdiv_ = function (this: Tensor, tensor1: Tensor, tensor2: Tensor, options?: AddcOptions) {
  return addcdiv_(this, tensor1, tensor2, options) as Tensor;
} as Tensor['addcdiv_'];
P.lerp_ = function (this: Tensor, end: Tensor, weight: number | Tensor) {
  return lerp_(this, end, weight) as Tensor;
} as Tensor['lerp_'];
P.clamp_ = function (this: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound) {
  return clamp_(this, min, max) as Tensor;
} as Tensor['clamp_'];
P.clip_ = P.clamp_;
P.zero_ = function (this: Tensor) {
  return zero_(this) as Tensor;
} as Tensor['zero_'];
P.fill_ = function (this: Tensor, value: number | boolean | Tensor) {
  return fill_(this, value) as Tensor;
} as Tensor['fill_'];
P.copy_ = function (this: Tensor, src: Tensor) {
  return copy_(this, src) as Tensor;
} as Tensor['copy_'];
P.uniform_ = function (this: Tensor, from?: number, to?: number, options?: RandomFillOptions) {
  return uniform_(this, from, to, options) as Tensor;
} as Tensor['uniform_'];
P.normal_ = function (this: Tensor, mean?: number, std?: number, options?: RandomFillOptions) {
  return normal_(this, mean, std, options) as Tensor;
} as Tensor['normal_'];
P.bernoulli_ = function (this: Tensor, p?: number | Tensor, options?: RandomFillOptions) {
  return bernoulli_(this, p, options) as Tensor;
} as Tensor['bernoulli_'];
P.sqrt_ = function (this: Tensor) {
  return sqrt_(this) as Tensor;
} as Tensor['sqrt_'];
P.exp_ = function (this: Tensor) {
  return exp_(this) as Tensor;
} as Tensor['exp_'];
P.log_ = function (this: Tensor) {
  return log_(this) as Tensor;
} as Tensor['log_'];
P.neg_ = function (this: Tensor) {
  return neg_(this) as Tensor;
} as Tensor['neg_'];
P.abs_ = function (this: Tensor) {
  return abs_(this) as Tensor;
} as Tensor['abs_'];
P.relu_ = function (this: Tensor) {
  return relu_(this) as Tensor;
} as Tensor['relu_'];
P.sigmoid_ = function (this: Tensor) {
  return sigmoid_(this) as Tensor;
} as Tensor['sigmoid_'];
P.tanh_ = function (this: Tensor) {
  return tanh_(this) as Tensor;
} as Tensor['tanh_'];
P.square_ = function (this: Tensor) {
  return square_(this) as Tensor;
} as Tensor['square_'];
P.reciprocal_ = function (this: Tensor) {
  return reciprocal_(this) as Tensor;
} as Tensor['reciprocal_'];
P.floor_ = function (this: Tensor) {
  return floor_(this) as Tensor;
} as Tensor['floor_'];
P.ceil_ = function (this: Tensor) {
  return ceil_(this) as Tensor;
} as Tensor['ceil_'];
P.trunc_ = function (this: Tensor) {
  return trunc_(this) as Tensor;
} as Tensor['trunc_'];
P.sign_ = function (this: Tensor) {
  return sign_(this) as Tensor;
} as Tensor['sign_'];
P.rsqrt_ = function (this: Tensor) {
  return rsqrt_(this) as Tensor;
} as Tensor['rsqrt_'];
P.sin_ = function (this: Tensor) {
  return sin_(this) as Tensor;
} as Tensor['sin_'];
P.cos_ = function (this: Tensor) {
  return cos_(this) as Tensor;
} as Tensor['cos_'];
P.round_ = function (this: Tensor, options?: RoundOptions) {
  return round_(this, options) as Tensor;
} as Tensor['round_'];
P.leakyRelu_ = function (this: Tensor, options?: LeakyReluOptions) {
  return leakyRelu_(this, options) as Tensor;
} as Tensor['leakyRelu_'];
P.elu_ = function (this: Tensor, options?: EluOptions) {
  return elu_(this, options) as Tensor;
} as Tensor['elu_'];
P.hardtanh_ = function (this: Tensor, options?: HardtanhOptions) {
  return hardtanh_(this, options) as Tensor;
} as Tensor['hardtanh_'];
P.nanToNum_ = function (this: Tensor, options?: NanToNumOptions) {
  return nanToNum_(this, options) as Tensor;
} as Tensor['nanToNum_'];
