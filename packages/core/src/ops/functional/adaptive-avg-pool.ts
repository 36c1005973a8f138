import type { Tensor } from '../../tensor/tensor';
import { resolveAdaptiveSize, type AdaptiveSize } from './adaptive-size';
import { averageOverWindows } from './avg-pool';
import { poolPlan, type PoolPlan } from './pool-plan';
import { adaptiveAxis, unitAxis, type AxisWindows } from './pool-windows';
import { assertTensor } from '../arg-checks';

function windowLengths(ax: AxisWindows): number[] {
  const lengths: number[] = [];
  for (let o = 0; o < ax.out; o++) {
    let n = 0;
    for (let j = 0; j < ax.k; j++) if (ax.coords[o * ax.k + j] >= 0) n++;
    lengths.push(n);
  }
  return lengths;
}

function adaptiveAvg(name: string, input: Tensor, plan: PoolPlan, out: number[]): Tensor {
  const ah = plan.dims === 2 ? adaptiveAxis(plan.h, out[0]) : unitAxis();
  const aw = adaptiveAxis(plan.w, out[plan.dims - 1]);
  const lh = windowLengths(ah);
  const lw = windowLengths(aw);
  const divisor = new Float32Array(ah.out * aw.out);
  for (let i = 0; i < ah.out; i++) for (let j = 0; j < aw.out; j++) divisor[i * aw.out + j] = lh[i] * lw[j];
  return averageOverWindows(name, input, plan, ah, aw, divisor);
}

/**
 * 2-D adaptive average pooling (PyTorch's `F.adaptive_avg_pool2d`): averages `[N, C, H, W]` (or
 * `[C, H, W]`) over PyTorch's windows `[floor(i * H / OH), ceil((i + 1) * H / OH))` to the
 * requested output size.
 *
 * @param outputSize `OH` (square) or `[OH, OW]`; `null` keeps the input's size in that dimension.
 * @example
 * ```ts
 * dl.adaptiveAvgPool2d(dl.randn([8, 512, 7, 7]), 1).shape; // [8, 512, 1, 1]
 * ```
 */
export function adaptiveAvgPool2d(input: Tensor, outputSize: AdaptiveSize): Tensor {
  assertTensor(input, 'adaptiveAvgPool2d');
  const plan = poolPlan(input, 2, 'adaptiveAvgPool2d');
  return adaptiveAvg('AdaptiveAvgPool2d', input, plan, resolveAdaptiveSize(outputSize, [plan.h, plan.w], 'adaptiveAvgPool2d'));
}

/**
 * 1-D adaptive average pooling (PyTorch's `F.adaptive_avg_pool1d`) of `[N, C, L]` (or `[C, L]`).
 *
 * @param outputSize the output length.
 * @example
 * ```ts
 * dl.adaptiveAvgPool1d(dl.randn([2, 4, 10]), 3).shape; // [2, 4, 3]
 * ```
 */
export function adaptiveAvgPool1d(input: Tensor, outputSize: number | readonly [number]): Tensor {
  assertTensor(input, 'adaptiveAvgPool1d');
  const plan = poolPlan(input, 1, 'adaptiveAvgPool1d');
  return adaptiveAvg('AdaptiveAvgPool1d', input, plan, resolveAdaptiveSize(outputSize, [plan.w], 'adaptiveAvgPool1d'));
}
