// In-place forms of the elementwise unary ops: each computes out of place, then stores into `self`.
import type { Tensor } from '../../tensor/tensor';
import { sqrt } from '../unary/sqrt';
import { exp } from '../unary/exp';
import { log } from '../unary/log';
import { neg } from '../unary/neg';
import { abs } from '../unary/abs';
import { relu } from '../unary/relu';
import { sigmoid } from '../unary/sigmoid';
import { tanh } from '../unary/tanh';
import { square } from '../unary/square';
import { reciprocal } from '../unary/reciprocal';
import { floor } from '../unary/floor';
import { ceil } from '../unary/ceil';
import { trunc } from '../unary/trunc';
import { sign } from '../unary/sign';
import { rsqrt } from '../unary/rsqrt';
import { sin } from '../unary/sin';
import { cos } from '../unary/cos';
import { round, type RoundOptions } from '../unary/round';
import { leakyRelu, type LeakyReluOptions } from '../unary/leaky-relu';
import { elu, type EluOptions } from '../unary/elu';
import { hardtanh, type HardtanhOptions } from '../unary/hardtanh';
import { nanToNum, type NanToNumOptions } from '../unary/nan-to-num';
import { inplace } from './inplace';

/**
 * In-place square root (PyTorch's `Tensor.sqrt_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.sqrt_();
 * ```
 */
export function sqrt_(self: Tensor): Tensor {
  return inplace(self, 'sqrt_', (s) => sqrt(s));
}

/**
 * In-place `e^x` (PyTorch's `Tensor.exp_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.exp_();
 * ```
 */
export function exp_(self: Tensor): Tensor {
  return inplace(self, 'exp_', (s) => exp(s));
}

/**
 * In-place natural logarithm (PyTorch's `Tensor.log_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.log_();
 * ```
 */
export function log_(self: Tensor): Tensor {
  return inplace(self, 'log_', (s) => log(s));
}

/**
 * In-place negation (PyTorch's `Tensor.neg_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.neg_();
 * ```
 */
export function neg_(self: Tensor): Tensor {
  return inplace(self, 'neg_', (s) => neg(s));
}

/**
 * In-place absolute value (PyTorch's `Tensor.abs_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.abs_();
 * ```
 */
export function abs_(self: Tensor): Tensor {
  return inplace(self, 'abs_', (s) => abs(s));
}

/**
 * In-place `max(0, x)` (PyTorch's `Tensor.relu_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.relu_();
 * ```
 */
export function relu_(self: Tensor): Tensor {
  return inplace(self, 'relu_', (s) => relu(s));
}

/**
 * In-place logistic sigmoid (PyTorch's `Tensor.sigmoid_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.sigmoid_();
 * ```
 */
export function sigmoid_(self: Tensor): Tensor {
  return inplace(self, 'sigmoid_', (s) => sigmoid(s));
}

/**
 * In-place hyperbolic tangent (PyTorch's `Tensor.tanh_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.tanh_();
 * ```
 */
export function tanh_(self: Tensor): Tensor {
  return inplace(self, 'tanh_', (s) => tanh(s));
}

/**
 * In-place `x * x` (PyTorch's `Tensor.square_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.square_();
 * ```
 */
export function square_(self: Tensor): Tensor {
  return inplace(self, 'square_', (s) => square(s));
}

/**
 * In-place `1 / x` (PyTorch's `Tensor.reciprocal_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.reciprocal_();
 * ```
 */
export function reciprocal_(self: Tensor): Tensor {
  return inplace(self, 'reciprocal_', (s) => reciprocal(s));
}

/**
 * In-place floor (PyTorch's `Tensor.floor_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.floor_();
 * ```
 */
export function floor_(self: Tensor): Tensor {
  return inplace(self, 'floor_', (s) => floor(s));
}

/**
 * In-place ceiling (PyTorch's `Tensor.ceil_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.ceil_();
 * ```
 */
export function ceil_(self: Tensor): Tensor {
  return inplace(self, 'ceil_', (s) => ceil(s));
}

/**
 * In-place rounding toward zero (PyTorch's `Tensor.trunc_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.trunc_();
 * ```
 */
export function trunc_(self: Tensor): Tensor {
  return inplace(self, 'trunc_', (s) => trunc(s));
}

/**
 * In-place sign (PyTorch's `Tensor.sign_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.sign_();
 * ```
 */
export function sign_(self: Tensor): Tensor {
  return inplace(self, 'sign_', (s) => sign(s));
}

/**
 * In-place `1 / sqrt(x)` (PyTorch's `Tensor.rsqrt_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.rsqrt_();
 * ```
 */
export function rsqrt_(self: Tensor): Tensor {
  return inplace(self, 'rsqrt_', (s) => rsqrt(s));
}

/**
 * In-place sine (PyTorch's `Tensor.sin_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.sin_();
 * ```
 */
export function sin_(self: Tensor): Tensor {
  return inplace(self, 'sin_', (s) => sin(s));
}

/**
 * In-place cosine (PyTorch's `Tensor.cos_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.cos_();
 * ```
 */
export function cos_(self: Tensor): Tensor {
  return inplace(self, 'cos_', (s) => cos(s));
}

/**
 * In-place rounding (ties to even, or to `decimals` places) (PyTorch's `Tensor.round_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.round_();
 * ```
 */
export function round_(self: Tensor, options?: RoundOptions): Tensor {
  return inplace(self, 'round_', (s) => round(s, options));
}

/**
 * In-place leaky ReLU (PyTorch's `F.leaky_relu_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.leakyRelu_();
 * ```
 */
export function leakyRelu_(self: Tensor, options?: LeakyReluOptions): Tensor {
  return inplace(self, 'leakyRelu_', (s) => leakyRelu(s, options));
}

/**
 * In-place ELU (PyTorch's `F.elu_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.elu_();
 * ```
 */
export function elu_(self: Tensor, options?: EluOptions): Tensor {
  return inplace(self, 'elu_', (s) => elu(s, options));
}

/**
 * In-place hardtanh clamp (PyTorch's `F.hardtanh_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.hardtanh_();
 * ```
 */
export function hardtanh_(self: Tensor, options?: HardtanhOptions): Tensor {
  return inplace(self, 'hardtanh_', (s) => hardtanh(s, options));
}

/**
 * In-place replacement of NaN and infinities (PyTorch's `Tensor.nan_to_num_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.nanToNum_();
 * ```
 */
export function nanToNum_(self: Tensor, options?: NanToNumOptions): Tensor {
  return inplace(self, 'nanToNum_', (s) => nanToNum(s, options));
}
