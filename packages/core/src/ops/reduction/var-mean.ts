import type { Tensor } from '../../tensor/tensor';
import { mean } from './mean';
import { reduceArgs, type Dims } from './reduce-dims';
import { std } from './std';
import type { VarOptions } from './var-plan';
import { var as variance } from './variance';
import { assertTensor } from '../arg-checks';

/**
 * The variance and the mean over the same dimensions, as a `[var, mean]` pair.
 *
 * @example
 * ```ts
 * const [v, m] = dl.varMean(dl.tensor([1, 2, 3, 4]));
 * ```
 */
export function varMean(input: Tensor, options?: VarOptions): [Tensor, Tensor];
export function varMean(input: Tensor, dim: Dims, options?: Omit<VarOptions, 'dim'>): [Tensor, Tensor];
export function varMean(input: Tensor, dimOrOptions?: Dims | VarOptions, maybe?: Omit<VarOptions, 'dim'>): [Tensor, Tensor] {
  assertTensor(input, 'varMean');
  const o = reduceArgs<VarOptions>(dimOrOptions, maybe, 'varMean');
  return [variance(input, o), mean(input, { dim: o.dim, keepdim: o.keepdim })];
}

/**
 * The standard deviation and the mean over the same dimensions, as a `[std, mean]` pair.
 *
 * @example
 * ```ts
 * const [s, m] = dl.stdMean(x, 0, { keepdim: true });
 * ```
 */
export function stdMean(input: Tensor, options?: VarOptions): [Tensor, Tensor];
export function stdMean(input: Tensor, dim: Dims, options?: Omit<VarOptions, 'dim'>): [Tensor, Tensor];
export function stdMean(input: Tensor, dimOrOptions?: Dims | VarOptions, maybe?: Omit<VarOptions, 'dim'>): [Tensor, Tensor] {
  assertTensor(input, 'stdMean');
  const o = reduceArgs<VarOptions>(dimOrOptions, maybe, 'stdMean');
  return [std(input, o), mean(input, { dim: o.dim, keepdim: o.keepdim })];
}
