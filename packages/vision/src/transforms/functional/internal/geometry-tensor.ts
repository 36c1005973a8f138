import { reshape, tensor, type Tensor } from '@dl/core';

/** @internal An image tensor `[..., C, H, W]` (or `[H, W]`) seen as `n` images of `c x h x w` values. */
export interface ImageBatch {
  readonly data: Float32Array | Int32Array;
  /** The dimensions before C (empty for `[C, H, W]` and `[H, W]`). */
  readonly lead: readonly number[];
  /** Whether the tensor has a channel dimension (rank >= 3). */
  readonly hasChannels: boolean;
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly dtype: 'float32' | 'int32';
}

/** @internal The values and layout of an image tensor (checked by the caller). */
export function imageBatch(t: Tensor): ImageBatch {
  const s = t.shape;
  const r = s.length;
  const hasChannels = r >= 3;
  const lead = s.slice(0, Math.max(r - 3, 0));
  return {
    data: t.dataSync() as Float32Array | Int32Array,
    lead,
    hasChannels,
    n: lead.reduce((a, b) => a * b, 1),
    c: hasChannels ? s[r - 3]! : 1,
    h: s[r - 2]!,
    w: s[r - 1]!,
    dtype: t.dtype === 'int32' ? 'int32' : 'float32',
  };
}

/** @internal The shape of `batch` with its spatial size replaced. */
export function batchShape(batch: ImageBatch, h: number, w: number): number[] {
  return batch.hasChannels ? [...batch.lead, batch.c, h, w] : [h, w];
}

/** @internal `torch.round`: to nearest, ties to even. */
export function roundHalfEvenF(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * @internal A tensor of `batch`'s kind from float results: float32 as they are; for int32 (the
 * 8-bit stand-in) rounded half to even like torchvision's cast back to uint8, clamped to 0..255
 * first when `clamp` (bicubic overshoots).
 */
export function batchResult(values: Float32Array, batch: ImageBatch, h: number, w: number, clamp = false): Tensor {
  const shape = batchShape(batch, h, w);
  if (batch.dtype === 'float32') return reshape(tensor(values), shape);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = clamp ? Math.min(255, Math.max(0, values[i]!)) : values[i]!;
    out[i] = roundHalfEvenF(v);
  }
  return reshape(tensor(out), shape);
}
