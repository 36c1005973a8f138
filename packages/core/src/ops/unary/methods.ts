// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import { Tensor } from '../../tensor/tensor';
import type { TensorLike } from '../operands';
import { abs } from './abs';
import { acos } from './acos';
import { asin } from './asin';
import { atan } from './atan';
import { atan2 } from './atan2';
import { toBool, toFloat, toInt } from './casts';
import { ceil } from './ceil';
import { type CeluOptions, celu } from './celu';
import { type ClampBound, type ClampOptions, clamp } from './clamp';
import { clone } from './clone';
import { cos } from './cos';
import { cosh } from './cosh';
import { type EluOptions, elu } from './elu';
import { erf } from './erf';
import { exp } from './exp';
import { exp2 } from './exp2';
import { expm1 } from './expm1';
import { floor } from './floor';
import { frac } from './frac';
import { type GeluOptions, gelu } from './gelu';
import { hardsigmoid } from './hardsigmoid';
import { hardswish } from './hardswish';
import { type HardtanhOptions, hardtanh } from './hardtanh';
import { type LeakyReluOptions, leakyRelu } from './leaky-relu';
import { log } from './log';
import { logSigmoid } from './log-sigmoid';
import { log10 } from './log10';
import { log1p } from './log1p';
import { log2 } from './log2';
import { mish } from './mish';
import { type NanToNumOptions, nanToNum } from './nan-to-num';
import { neg } from './neg';
import { reciprocal } from './reciprocal';
import { relu } from './relu';
import { relu6 } from './relu6';
import { type RoundOptions, round } from './round';
import { rsqrt } from './rsqrt';
import { selu } from './selu';
import { sigmoid } from './sigmoid';
import { sign } from './sign';
import { silu } from './silu';
import { sin } from './sin';
import { sinh } from './sinh';
import { type SoftplusOptions, softplus } from './softplus';
import { softsign } from './softsign';
import { sqrt } from './sqrt';
import { square } from './square';
import { tan } from './tan';
import { tanh } from './tanh';
import { threshold } from './threshold';
import type { DTypeLike } from '../creation/creation-options';
import { type ToOptions, to } from './to';
import { trunc } from './trunc';

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorUnaryMethods {
  /** Elementwise `e^x`; see {@link exp}. */
  exp(): Tensor;
  /** Elementwise `2^x`; see {@link exp2}. */
  exp2(): Tensor;
  /** Elementwise `e^x - 1`; see {@link expm1}. */
  expm1(): Tensor;
  /** Elementwise natural logarithm; see {@link log}. */
  log(): Tensor;
  /** Elementwise base-2 logarithm; see {@link log2}. */
  log2(): Tensor;
  /** Elementwise base-10 logarithm; see {@link log10}. */
  log10(): Tensor;
  /** Elementwise `log(1 + x)`; see {@link log1p}. */
  log1p(): Tensor;
  /** Elementwise square root; see {@link sqrt}. */
  sqrt(): Tensor;
  /** Elementwise `1 / sqrt(x)`; see {@link rsqrt}. */
  rsqrt(): Tensor;
  /** Elementwise `x * x`; see {@link square}. */
  square(): Tensor;
  /** Elementwise absolute value; see {@link abs}. */
  abs(): Tensor;
  /** Elementwise absolute value (alias of abs); see {@link abs}. */
  absolute(): Tensor;
  /** Elementwise negation; see {@link neg}. */
  neg(): Tensor;
  /** Elementwise negation (alias of neg); see {@link neg}. */
  negative(): Tensor;
  /** Elementwise `1 / x`; see {@link reciprocal}. */
  reciprocal(): Tensor;
  /** Elementwise sign (-1, 0, 1); see {@link sign}. */
  sign(): Tensor;
  /** Elementwise floor; see {@link floor}. */
  floor(): Tensor;
  /** Elementwise ceiling; see {@link ceil}. */
  ceil(): Tensor;
  /** Elementwise rounding toward zero; see {@link trunc}. */
  trunc(): Tensor;
  /** Elementwise rounding toward zero (alias of trunc); see {@link trunc}. */
  fix(): Tensor;
  /** Elementwise fractional part; see {@link frac}. */
  frac(): Tensor;
  /** Elementwise sine; see {@link sin}. */
  sin(): Tensor;
  /** Elementwise cosine; see {@link cos}. */
  cos(): Tensor;
  /** Elementwise tangent; see {@link tan}. */
  tan(): Tensor;
  /** Elementwise arcsine; see {@link asin}. */
  asin(): Tensor;
  /** Elementwise arccosine; see {@link acos}. */
  acos(): Tensor;
  /** Elementwise arctangent; see {@link atan}. */
  atan(): Tensor;
  /** Elementwise hyperbolic sine; see {@link sinh}. */
  sinh(): Tensor;
  /** Elementwise hyperbolic cosine; see {@link cosh}. */
  cosh(): Tensor;
  /** Elementwise error function; see {@link erf}. */
  erf(): Tensor;
  /** Elementwise logistic sigmoid; see {@link sigmoid}. */
  sigmoid(): Tensor;
  /** Elementwise `log(sigmoid(x))`; see {@link logSigmoid}. */
  logSigmoid(): Tensor;
  /** Elementwise hyperbolic tangent; see {@link tanh}. */
  tanh(): Tensor;
  /** Elementwise `max(0, x)`; see {@link relu}. */
  relu(): Tensor;
  /** Elementwise `min(max(0, x), 6)`; see {@link relu6}. */
  relu6(): Tensor;
  /** Elementwise SELU; see {@link selu}. */
  selu(): Tensor;
  /** Elementwise SiLU (swish); see {@link silu}. */
  silu(): Tensor;
  /** Elementwise Mish; see {@link mish}. */
  mish(): Tensor;
  /** Elementwise `x / (1 + |x|)`; see {@link softsign}. */
  softsign(): Tensor;
  /** Elementwise hard sigmoid; see {@link hardsigmoid}. */
  hardsigmoid(): Tensor;
  /** Elementwise hard swish; see {@link hardswish}. */
  hardswish(): Tensor;
  /** Elementwise a differentiable copy; see {@link clone}. */
  clone(): Tensor;
  /** Elementwise conversion to float32; see {@link toFloat}. */
  float(): Tensor;
  /** Elementwise conversion to int32; see {@link toInt}. */
  int(): Tensor;
  /** Elementwise conversion to int32 (PyTorch's int64 is stored as int32); see {@link toInt}. */
  long(): Tensor;
  /** Elementwise conversion to bool (`x != 0`); see {@link toBool}. */
  bool(): Tensor;
  /** Elementwise rounding to the nearest integer (ties to even) or to `decimals` places; see {@link round}. */
  round(options?: RoundOptions): Tensor;
  /** Elementwise leaky ReLU; see {@link leakyRelu}. */
  leakyRelu(options?: LeakyReluOptions): Tensor;
  /** Elementwise ELU; see {@link elu}. */
  elu(options?: EluOptions): Tensor;
  /** Elementwise CELU; see {@link celu}. */
  celu(options?: CeluOptions): Tensor;
  /** Elementwise GELU; see {@link gelu}. */
  gelu(options?: GeluOptions): Tensor;
  /** Elementwise softplus; see {@link softplus}. */
  softplus(options?: SoftplusOptions): Tensor;
  /** Elementwise clamp to [minVal, maxVal] with hardtanh's gradient; see {@link hardtanh}. */
  hardtanh(options?: HardtanhOptions): Tensor;
  /** Elementwise replacement of NaN and infinities; see {@link nanToNum}. */
  nanToNum(options?: NanToNumOptions): Tensor;
  /** Clamps into `[min, max]` (numbers or tensors, either optional); see {@link clamp}. */
  clamp(min?: ClampBound | ClampOptions, max?: ClampBound): Tensor;
  /** Alias of `clamp`; see {@link clamp}. */
  clip(min?: ClampBound | ClampOptions, max?: ClampBound): Tensor;
  /** Elementwise `atan2(this, other)`; see {@link atan2}. */
  atan2(other: TensorLike): Tensor;
  /** `this > threshold ? this : value`; see {@link threshold}. */
  threshold(threshold: number, value: number): Tensor;
  /** Conversion to a dtype (or another tensor's dtype); see {@link to}. */
  to(dtype: DTypeLike | Tensor, options?: ToOptions): Tensor;
  /** The PyTorch type name (`'torch.FloatTensor'`, ...) with no argument, else conversion to `dtype`; see {@link to}. */
  type(): string;
  type(dtype: DTypeLike): Tensor;
}

Tensor.prototype.exp = function (this: Tensor) {
  return exp(this);
};
Tensor.prototype.exp2 = function (this: Tensor) {
  return exp2(this);
};
Tensor.prototype.expm1 = function (this: Tensor) {
  return expm1(this);
};
Tensor.prototype.log = function (this: Tensor) {
  return log(this);
};
Tensor.prototype.log2 = function (this: Tensor) {
  return log2(this);
};
Tensor.prototype.log10 = function (this: Tensor) {
  return log10(this);
};
Tensor.prototype.log1p = function (this: Tensor) {
  return log1p(this);
};
Tensor.prototype.sqrt = function (this: Tensor) {
  return sqrt(this);
};
Tensor.prototype.rsqrt = function (this: Tensor) {
  return rsqrt(this);
};
Tensor.prototype.square = function (this: Tensor) {
  return square(this);
};
Tensor.prototype.abs = function (this: Tensor) {
  return abs(this);
};
Tensor.prototype.absolute = function (this: Tensor) {
  return abs(this);
};
Tensor.prototype.neg = function (this: Tensor) {
  return neg(this);
};
Tensor.prototype.negative = function (this: Tensor) {
  return neg(this);
};
Tensor.prototype.reciprocal = function (this: Tensor) {
  return reciprocal(this);
};
Tensor.prototype.sign = function (this: Tensor) {
  return sign(this);
};
Tensor.prototype.floor = function (this: Tensor) {
  return floor(this);
};
Tensor.prototype.ceil = function (this: Tensor) {
  return ceil(this);
};
Tensor.prototype.trunc = function (this: Tensor) {
  return trunc(this);
};
Tensor.prototype.fix = function (this: Tensor) {
  return trunc(this);
};
Tensor.prototype.frac = function (this: Tensor) {
  return frac(this);
};
Tensor.prototype.sin = function (this: Tensor) {
  return sin(this);
};
Tensor.prototype.cos = function (this: Tensor) {
  return cos(this);
};
Tensor.prototype.tan = function (this: Tensor) {
  return tan(this);
};
Tensor.prototype.asin = function (this: Tensor) {
  return asin(this);
};
Tensor.prototype.acos = function (this: Tensor) {
  return acos(this);
};
Tensor.prototype.atan = function (this: Tensor) {
  return atan(this);
};
Tensor.prototype.sinh = function (this: Tensor) {
  return sinh(this);
};
Tensor.prototype.cosh = function (this: Tensor) {
  return cosh(this);
};
Tensor.prototype.erf = function (this: Tensor) {
  return erf(this);
};
Tensor.prototype.sigmoid = function (this: Tensor) {
  return sigmoid(this);
};
Tensor.prototype.logSigmoid = function (this: Tensor) {
  return logSigmoid(this);
};
Tensor.prototype.tanh = function (this: Tensor) {
  return tanh(this);
};
Tensor.prototype.relu = function (this: Tensor) {
  return relu(this);
};
Tensor.prototype.relu6 = function (this: Tensor) {
  return relu6(this);
};
Tensor.prototype.selu = function (this: Tensor) {
  return selu(this);
};
Tensor.prototype.silu = function (this: Tensor) {
  return silu(this);
};
Tensor.prototype.mish = function (this: Tensor) {
  return mish(this);
};
Tensor.prototype.softsign = function (this: Tensor) {
  return softsign(this);
};
Tensor.prototype.hardsigmoid = function (this: Tensor) {
  return hardsigmoid(this);
};
Tensor.prototype.hardswish = function (this: Tensor) {
  return hardswish(this);
};
Tensor.prototype.clone = function (this: Tensor) {
  return clone(this);
};
Tensor.prototype.float = function (this: Tensor) {
  return toFloat(this);
};
Tensor.prototype.int = function (this: Tensor) {
  return toInt(this);
};
Tensor.prototype.long = function (this: Tensor) {
  return toInt(this);
};
Tensor.prototype.bool = function (this: Tensor) {
  return toBool(this);
};
Tensor.prototype.round = function (this: Tensor, options?: RoundOptions) {
  return round(this, options);
};
Tensor.prototype.leakyRelu = function (this: Tensor, options?: LeakyReluOptions) {
  return leakyRelu(this, options);
};
Tensor.prototype.elu = function (this: Tensor, options?: EluOptions) {
  return elu(this, options);
};
Tensor.prototype.celu = function (this: Tensor, options?: CeluOptions) {
  return celu(this, options);
};
Tensor.prototype.gelu = function (this: Tensor, options?: GeluOptions) {
  return gelu(this, options);
};
Tensor.prototype.softplus = function (this: Tensor, options?: SoftplusOptions) {
  return softplus(this, options);
};
Tensor.prototype.hardtanh = function (this: Tensor, options?: HardtanhOptions) {
  return hardtanh(this, options);
};
Tensor.prototype.nanToNum = function (this: Tensor, options?: NanToNumOptions) {
  return nanToNum(this, options);
};
Tensor.prototype.clamp = function (this: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound) {
  return clamp(this, min, max);
};
Tensor.prototype.clip = function (this: Tensor, min?: ClampBound | ClampOptions, max?: ClampBound) {
  return clamp(this, min, max);
};
Tensor.prototype.atan2 = function (this: Tensor, other: TensorLike) {
  return atan2(this, other);
};
Tensor.prototype.threshold = function (this: Tensor, th: number, value: number) {
  return threshold(this, th, value);
};
Tensor.prototype.to = function (this: Tensor, dtype: DTypeLike | Tensor, options?: ToOptions) {
  return to(this, dtype, options);
};
const TYPE_NAMES = { float32: 'torch.FloatTensor', int32: 'torch.IntTensor', bool: 'torch.BoolTensor' } as const;
Tensor.prototype.type = function (this: Tensor, dtype?: DTypeLike) {
  if (dtype === undefined) return TYPE_NAMES[this.dtype];
  return to(this, dtype);
} as Tensor['type'];
