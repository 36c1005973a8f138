// In-place forms of the arithmetic ops: each computes out of place, then stores into `self`.
import type { Tensor } from '../../tensor/tensor';
import { add } from '../arithmetic/add';
import { addcdiv } from '../arithmetic/addcdiv';
import { addcmul, type AddcOptions } from '../arithmetic/addcmul';
import { div, type DivOptions } from '../arithmetic/div';
import { fmod } from '../arithmetic/fmod';
import { lerp } from '../arithmetic/lerp';
import { mul } from '../arithmetic/mul';
import { pow } from '../arithmetic/pow';
import { remainder } from '../arithmetic/remainder';
import { sub } from '../arithmetic/sub';
import type { TensorLike } from '../operands';
import { clamp, type ClampBound, type ClampOptions } from '../unary/clamp';
import { inplace } from './inplace';

/**
 * In-place `self += alpha * other` (PyTorch's `Tensor.add_`); `other` broadcasts to `self`'s
 * shape and the result must fit `self`'s dtype. Returns `self`.
 *
 * @param options `alpha` (@default 1).
 * @example
 * ```ts
 * dl.noGrad(() => param.add_(grad, { alpha: -0.1 }));
 * ```
 */
export function add_(self: Tensor, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  return inplace(self, 'add_', (s) => add(s, other, options));
}

/**
 * In-place `self -= alpha * other` (PyTorch's `Tensor.sub_`). Returns `self`.
 *
 * @param options `alpha` (@default 1).
 * @example
 * ```ts
 * x.sub_(1);
 * ```
 */
export function sub_(self: Tensor, other: TensorLike, options: { alpha?: number } = {}): Tensor {
  return inplace(self, 'sub_', (s) => sub(s, other, options));
}

/**
 * In-place `self *= other` (PyTorch's `Tensor.mul_`). Returns `self`.
 *
 * @example
 * ```ts
 * buf.mul_(0.9);
 * ```
 */
export function mul_(self: Tensor, other: TensorLike): Tensor {
  return inplace(self, 'mul_', (s) => mul(s, other));
}

/**
 * In-place division (PyTorch's `Tensor.div_`); true division of an integer tensor is refused
 * because the float result cannot be stored in it. Returns `self`.
 *
 * @param options `roundingMode` (@default null).
 * @example
 * ```ts
 * x.div_(2);
 * ```
 */
export function div_(self: Tensor, other: TensorLike, options: DivOptions = {}): Tensor {
  return inplace(self, 'div_', (s) => div(s, other, options));
}

/**
 * In-place `self = self ^ exponent` (PyTorch's `Tensor.pow_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.pow_(2);
 * ```
 */
export function pow_(self: Tensor, exponent: TensorLike): Tensor {
  return inplace(self, 'pow_', (s) => pow(s, exponent));
}

/**
 * In-place Python-style modulus (PyTorch's `Tensor.remainder_`). Returns `self`.
 *
 * @example
 * ```ts
 * angles.remainder_(2 * Math.PI);
 * ```
 */
export function remainder_(self: Tensor, other: TensorLike): Tensor {
  return inplace(self, 'remainder_', (s) => remainder(s, other));
}

/**
 * In-place C-style modulus (PyTorch's `Tensor.fmod_`). Returns `self`.
 *
 * @example
 * ```ts
 * x.fmod_(3);
 * ```
 */
export function fmod_(self: Tensor, other: TensorLike): Tensor {
  return inplace(self, 'fmod_', (s) => fmod(s, other));
}

/**
 * In-place `self += value * tensor1 * tensor2` (PyTorch's `Tensor.addcmul_`, as in Adam's
 * second-moment update). Returns `self`.
 *
 * @param options `value` (@default 1).
 * @example
 * ```ts
 * expAvgSq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
 * ```
 */
export function addcmul_(self: Tensor, tensor1: Tensor, tensor2: Tensor, options: AddcOptions = {}): Tensor {
  return inplace(self, 'addcmul_', (s) => addcmul(s, tensor1, tensor2, options));
}

/**
 * In-place `self += value * tensor1 / tensor2` (PyTorch's `Tensor.addcdiv_`). Returns `self`.
 *
 * @param options `value` (@default 1).
 * @example
 * ```ts
 * param.addcdiv_(expAvg, denom, { value: -stepSize });
 * ```
 */
export function addcdiv_(self: Tensor, tensor1: Tensor, tensor2: Tensor, options: AddcOptions = {}): Tensor {
  return inplace(self, 'addcdiv_', (s) => addcdiv(s, tensor1, tensor2, options));
}

/**
 * In-place linear interpolation towards `end` (PyTorch's `Tensor.lerp_`, as in EMA updates).
 * Returns `self`.
 *
 * @example
 * ```ts
 * expAvg.lerp_(grad, 1 - beta1);
 * ```
 */
export function lerp_(self: Tensor, end: Tensor, weight: number | Tensor): Tensor {
  return inplace(self, 'lerp_', (s) => lerp(s, end, weight));
}

/**
 * In-place clamp into `[min, max]` (PyTorch's `Tensor.clamp_`, alias `clip_`). Returns `self`.
 *
 * @example
 * ```ts
 * w.clamp_(-0.01, 0.01);
 * ```
 */
export function clamp_(self: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound): Tensor {
  return inplace(self, 'clamp_', (s) => clamp(s, min, max));
}

/**
 * Alias of {@link clamp_} (PyTorch's `Tensor.clip_`).
 *
 * @example
 * ```ts
 * w.clip_(0, 1);
 * ```
 */
export const clip_ = clamp_;
