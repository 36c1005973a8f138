// Tensor methods for this folder's ops (declaration merging, like tfjs's chained ops).
import type { DType } from '../../tensor/dtype';
import { Tensor } from '../../tensor/tensor';
import { all, any } from './all';
import { amax, amin } from './amax';
import { argmax, argmin, type ArgExtremeOptions } from './argmax';
import { cumprod } from './cumprod';
import { cumsum } from './cumsum';
import { logsumexp } from './logsumexp';
import { max, type ExtremeOptions } from './max';
import { mean, type MeanOptions } from './mean';
import { median } from './median';
import { min } from './min';
import { norm, type NormOptions, type NormOrder } from './norm';
import { prod, type ProdOptions } from './prod';
import type { Dims, ReduceOptions } from './reduce-dims';
import { std } from './std';
import { sum, type SumOptions } from './sum';
import type { ValuesIndices } from './values-indices';
import { stdMean, varMean } from './var-mean';
import type { VarOptions } from './var-plan';
import { var as variance } from './variance';

type KeepDim = { keepdim?: boolean };

/** The Tensor methods of this folder's ops; `Tensor` extends it (see tensor/tensor.ts). */
export interface TensorReductionMethods {
  /** Sum over all elements or `dim`; see {@link sum}. */
  sum(options?: SumOptions): Tensor;
  sum(dim: Dims, options?: Omit<SumOptions, 'dim'>): Tensor;
  /** Mean over all elements or `dim`; see {@link mean}. */
  mean(options?: MeanOptions): Tensor;
  mean(dim: Dims, options?: Omit<MeanOptions, 'dim'>): Tensor;
  /** Product of all elements or along `dim`; see {@link prod}. */
  prod(options?: ProdOptions): Tensor;
  prod(dim: number, options?: Omit<ProdOptions, 'dim'>): Tensor;
  /** Largest value, `{ values, indices }` along `dim`, or elementwise maximum; see {@link max}. */
  max(): Tensor;
  max(dim: number, options?: KeepDim): ValuesIndices;
  max(options: ExtremeOptions): ValuesIndices;
  max(other: Tensor): Tensor;
  /** Smallest value, `{ values, indices }` along `dim`, or elementwise minimum; see {@link min}. */
  min(): Tensor;
  min(dim: number, options?: KeepDim): ValuesIndices;
  min(options: ExtremeOptions): ValuesIndices;
  min(other: Tensor): Tensor;
  /** Largest values over dims; see {@link amax}. */
  amax(options?: ReduceOptions): Tensor;
  amax(dim: Dims, options?: KeepDim): Tensor;
  /** Smallest values over dims; see {@link amin}. */
  amin(options?: ReduceOptions): Tensor;
  amin(dim: Dims, options?: KeepDim): Tensor;
  /** Index of the largest value; see {@link argmax}. */
  argmax(options?: ArgExtremeOptions): Tensor;
  argmax(dim: number, options?: KeepDim): Tensor;
  /** Index of the smallest value; see {@link argmin}. */
  argmin(options?: ArgExtremeOptions): Tensor;
  argmin(dim: number, options?: KeepDim): Tensor;
  /** Variance; see `var`. */
  var(options?: VarOptions): Tensor;
  var(dim: Dims, options?: Omit<VarOptions, 'dim'>): Tensor;
  /** Standard deviation; see {@link std}. */
  std(options?: VarOptions): Tensor;
  std(dim: Dims, options?: Omit<VarOptions, 'dim'>): Tensor;
  /** `[var, mean]`; see {@link varMean}. */
  varMean(options?: VarOptions): [Tensor, Tensor];
  varMean(dim: Dims, options?: Omit<VarOptions, 'dim'>): [Tensor, Tensor];
  /** `[std, mean]`; see {@link stdMean}. */
  stdMean(options?: VarOptions): [Tensor, Tensor];
  stdMean(dim: Dims, options?: Omit<VarOptions, 'dim'>): [Tensor, Tensor];
  /** Stable `log(sum(exp(x)))`; see {@link logsumexp}. */
  logsumexp(options?: ReduceOptions): Tensor;
  logsumexp(dim: Dims, options?: KeepDim): Tensor;
  /** Whether all elements are true; see {@link all}. */
  all(options?: ReduceOptions): Tensor;
  all(dim: Dims, options?: KeepDim): Tensor;
  /** Whether any element is true; see {@link any}. */
  any(options?: ReduceOptions): Tensor;
  any(dim: Dims, options?: KeepDim): Tensor;
  /** Vector p-norm; see {@link norm}. */
  norm(options?: NormOptions): Tensor;
  norm(p: NormOrder, options?: Omit<NormOptions, 'p'>): Tensor;
  /** Cumulative sum along `dim`; see {@link cumsum}. */
  cumsum(dim: number, options?: { dtype?: DType }): Tensor;
  /** Cumulative product along `dim`; see {@link cumprod}. */
  cumprod(dim: number, options?: { dtype?: DType }): Tensor;
  /** Lower median, or `{ values, indices }` along `dim`; see {@link median}. */
  median(): Tensor;
  median(dim: number, options?: KeepDim): ValuesIndices;
  median(options: { dim: number; keepdim?: boolean }): ValuesIndices;
}

// The overloads are checked on the functions; the methods forward their arguments as given.
type Fn = (input: Tensor, ...args: never[]) => unknown;
function method(fn: Fn): (this: Tensor, ...args: never[]) => never {
  return function (this: Tensor, ...args: never[]) {
    return fn(this, ...args) as never;
  };
}

const proto = Tensor.prototype as unknown as Record<string, unknown>;
const table: Record<string, Fn> = {
  sum, mean, prod, max, min, amax, amin, argmax, argmin, var: variance, std, varMean, stdMean,
  logsumexp, all, any, norm, cumsum, cumprod, median,
};
for (const [name, fn] of Object.entries(table)) proto[name] = method(fn);
