import { ValueError, type Tensor } from '@dl/core';
import type { InterpolationMode } from '../interpolation-mode';
import { tensorFill } from './geometry-args';
import { gridSample } from './geometry-grid-sample';
import { batchResult, imageBatch } from './geometry-tensor';
import type { TransformFilter } from './geometry-transform';

/** @internal The PIL `Image.transform` filter of a mode: nearest, bilinear or bicubic (PIL refuses box, hamming and lanczos there). */
export function imageWarpFilter(mode: InterpolationMode, op: string): TransformFilter {
  if (mode === 'nearest' || mode === 'nearest-exact') return 'nearest';
  if (mode === 'bilinear' || mode === 'bicubic') return mode;
  throw new ValueError(`${op}: interpolation '${mode}' cannot be used on an Image (PIL's transform takes 'nearest', 'bilinear' or 'bicubic')`);
}

/** @internal The `grid_sample` mode of a tensor warp: torchvision takes nearest and bilinear only. */
export function tensorWarpMode(mode: InterpolationMode, op: string): 'nearest' | 'bilinear' {
  if (mode === 'nearest' || mode === 'bilinear') return mode;
  throw new ValueError(`${op}: interpolation '${mode}' is unsupported with Tensor input (use 'nearest' or 'bilinear')`);
}

/** @internal Samples every image of `t` at the normalized `grid` points (`[oh, ow, 2]`) with torchvision's fill rules. */
export function warpTensor(t: Tensor, grid: Float32Array, ow: number, oh: number, mode: 'nearest' | 'bilinear', fill: unknown, op: string): Tensor {
  const batch = imageBatch(t);
  const values = gridSample(batch, grid, ow, oh, mode, tensorFill(fill, batch.c, op));
  return batchResult(values, batch, oh, ow);
}

/** @internal An optional `[x, y]` point argument (`center`), checked. */
export function parsePoint(value: unknown, name: string, op: string): [number, number] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length !== 2 || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ValueError(`${op}: ${name} should be a list of two numbers [x, y], got ${JSON.stringify(value)}`);
  }
  return [value[0] as number, value[1] as number];
}
