import { tf, type TfTensor } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import { ShapeError } from '../../errors/shape-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './conv-geometry';
import type { AxisWindows } from './pool-windows';

/** @internal A pooling input seen as planes: `[N, C, *spatial]` or `[C, *spatial]` as `[B, H, W]`. */
export interface PoolPlan {
  op: string;
  dims: 1 | 2;
  /** Leading (non-spatial) dimensions of the input: `[N, C]` or `[C]`. */
  lead: number[];
  /** Number of planes (`N * C`). */
  planes: number;
  /** Spatial sizes as 2-D (`[1, L]` for 1-D pooling). */
  h: number;
  w: number;
}

/** @internal Checks a pooling input (float32, batched or unbatched) and describes its planes. */
export function poolPlan(input: Tensor, dims: 1 | 2, op: string): PoolPlan {
  const r = input.dim();
  if (r !== dims + 1 && r !== dims + 2) {
    const names = dims === 2 ? ['[C, H, W]', '[N, C, H, W]'] : ['[C, L]', '[N, C, L]'];
    throw new ShapeError(`${op}: expected ${dims + 1}D (unbatched ${names[0]}) or ${dims + 2}D (batched ${names[1]}) input, but got input of size ${fmtShape(input.shape)}`);
  }
  if (input.dtype !== 'float32') throw new DTypeError(`${op}: expected input of dtype float32, but got ${input.dtype}`);
  const shape = input.shape;
  const lead = shape.slice(0, r - dims);
  const spatial = shape.slice(r - dims);
  if (spatial.some((s) => s === 0) || (lead.length === 2 && lead[1] === 0) || (lead.length === 1 && lead[0] === 0)) {
    throw new ShapeError(`${op}: expected input with non-zero channels and spatial sizes (an empty batch is fine), but got input of size ${fmtShape(shape)}`);
  }
  return { op, dims, lead, planes: lead.reduce((a, b) => a * b, 1), h: dims === 2 ? spatial[0] : 1, w: spatial[dims - 1] };
}

/** @internal Refuses window layouts with an empty output, naming the input and output sizes. */
export function checkOutput(plan: PoolPlan, input: Tensor, ah: AxisWindows, aw: AxisWindows): void {
  if (ah.out < 1 || aw.out < 1) {
    const outs = plan.dims === 2 ? [ah.out, aw.out] : [aw.out];
    throw new ShapeError(`${plan.op}: given input of size ${fmtShape(input.shape)}, the calculated output size (${outs.join(' x ')}) is too small`);
  }
}

/** @internal The output shape for windows along `ah` and `aw`, in the input's layout. */
export function outShapeOf(plan: PoolPlan, ah: AxisWindows, aw: AxisWindows): number[] {
  return [...plan.lead, ...(plan.dims === 2 ? [ah.out, aw.out] : [aw.out])];
}

/** @internal The input value as `[B, H, W]` planes. */
export function toPlanes(value: TfTensor, plan: PoolPlan): TfTensor {
  return tf.reshape(value, [plan.planes, plan.h, plan.w]);
}

/** @internal Planes `[B, OH, OW]` back to the input's layout with the output's spatial sizes. */
export function fromPlanes(value: TfTensor, plan: PoolPlan): TfTensor {
  const [, oh, ow] = value.shape as [number, number, number];
  return tf.reshape(value, [...plan.lead, ...(plan.dims === 2 ? [oh, ow] : [ow])]);
}
