import type { Tensor } from '../../tensor/tensor';
import { resolveAdaptiveSize, type AdaptiveSize } from './adaptive-size';
import { maxOverWindows } from './max-pool';
import { poolPlan } from './pool-plan';
import { adaptiveAxis, unitAxis } from './pool-windows';
import { assertTensor } from '../arg-checks';

/** Options of the adaptive max poolings. */
export interface AdaptiveMaxPoolOptions {
  /** Also return the argmax of each window (flat `h * W + w` index within its input plane). @default false */
  returnIndices?: boolean;
}

/**
 * 2-D adaptive max pooling (PyTorch's `F.adaptive_max_pool2d`) of `[N, C, H, W]` (or
 * `[C, H, W]`) to the requested output size; with `returnIndices: true`, returns
 * `[output, indices]`.
 *
 * @param outputSize `OH` (square) or `[OH, OW]`; `null` keeps the input's size in that dimension.
 * @param options `returnIndices` (default false).
 * @example
 * ```ts
 * dl.adaptiveMaxPool2d(dl.randn([1, 3, 10, 7]), [2, 3]).shape; // [1, 3, 2, 3]
 * ```
 */
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, options?: { returnIndices?: false }): Tensor;
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, options: { returnIndices: true }): [Tensor, Tensor];
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, options?: AdaptiveMaxPoolOptions): Tensor | [Tensor, Tensor];
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, options: AdaptiveMaxPoolOptions = {}): Tensor | [Tensor, Tensor] {
  assertTensor(input, 'adaptiveMaxPool2d');
  const plan = poolPlan(input, 2, 'adaptiveMaxPool2d');
  const [oh, ow] = resolveAdaptiveSize(outputSize, [plan.h, plan.w], 'adaptiveMaxPool2d');
  return maxOverWindows('AdaptiveMaxPool2d', input, plan, adaptiveAxis(plan.h, oh), adaptiveAxis(plan.w, ow), options.returnIndices ?? false);
}

/**
 * 1-D adaptive max pooling (PyTorch's `F.adaptive_max_pool1d`) of `[N, C, L]` (or `[C, L]`); with
 * `returnIndices: true`, returns `[output, indices]`.
 *
 * @param outputSize the output length.
 * @param options `returnIndices` (default false).
 * @example
 * ```ts
 * dl.adaptiveMaxPool1d(dl.randn([2, 4, 10]), 3).shape; // [2, 4, 3]
 * ```
 */
export function adaptiveMaxPool1d(input: Tensor, outputSize: number | readonly [number], options?: { returnIndices?: false }): Tensor;
export function adaptiveMaxPool1d(input: Tensor, outputSize: number | readonly [number], options: { returnIndices: true }): [Tensor, Tensor];
export function adaptiveMaxPool1d(input: Tensor, outputSize: number | readonly [number], options?: AdaptiveMaxPoolOptions): Tensor | [Tensor, Tensor];
export function adaptiveMaxPool1d(input: Tensor, outputSize: number | readonly [number], options: AdaptiveMaxPoolOptions = {}): Tensor | [Tensor, Tensor] {
  assertTensor(input, 'adaptiveMaxPool1d');
  const plan = poolPlan(input, 1, 'adaptiveMaxPool1d');
  const [ol] = resolveAdaptiveSize(outputSize, [plan.w], 'adaptiveMaxPool1d');
  return maxOverWindows('AdaptiveMaxPool1d', input, plan, unitAxis(), adaptiveAxis(plan.w, ol), options.returnIndices ?? false);
}
