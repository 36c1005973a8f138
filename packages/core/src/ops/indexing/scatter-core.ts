// The computations behind scatter, scatterAdd and scatterReduce, on raw values.
import { tf, type TfTensor } from '../../backend/tfjs';
import { gatherNdRaw, scatterNdRaw } from './index-utils';

/** @internal How scattered values combine with each other and with the input. */
export type ScatterMode = 'none' | 'sum' | 'prod' | 'mean' | 'amax' | 'amin';

/** @internal What one scatter needs: the data, the resolved dim, the index and its coordinates. */
export interface ScatterPlan {
  axis: number;
  mode: ScatterMode;
  includeSelf: boolean;
  xShape: number[];
  srcShape: number[];
  indexShape: number[];
}

function identity(mode: ScatterMode, dtype: string): number {
  if (mode === 'prod') return 1;
  const int = dtype === 'int32';
  if (mode === 'amax') return int ? -2147483648 : -Infinity;
  if (mode === 'amin') return int ? 2147483647 : Infinity;
  return 0;
}

/** @internal `src` cut to the index's shape (PyTorch only reads that corner of `src`). */
export function srcCorner(src: TfTensor, indexShape: readonly number[]): TfTensor {
  if (src.shape.every((s, i) => s === indexShape[i])) return src;
  return tf.slice(src, indexShape.map(() => 0), indexShape.slice());
}

/** @internal Where the scatter writes (bool, the input's shape). */
export function touchedMask(coords: TfTensor, p: ScatterPlan): TfTensor {
  const ones = tf.ones(p.indexShape, 'int32');
  return tf.greater(scatterNdRaw(coords, ones, p.xShape), 0);
}

/**
 * The dense one-hot layout for reductions tfjs has no scatter kernel for (prod, amax, amin):
 * `[...others, k, n]` where row `i` holds `src_i` in column `index_i` and `fill` elsewhere.
 * Memory is `index.numel() * input.size(dim)`.
 */
function denseLayout(index: TfTensor, src: TfTensor, p: ScatterPlan, fill: number): { values: TfTensor; mask: TfTensor; perm: number[] } {
  const r = p.indexShape.length;
  const perm = [...Array.from({ length: r }, (_, i) => i).filter((i) => i !== p.axis), p.axis];
  const n = p.xShape[p.axis];
  const idxT = tf.expandDims(tf.transpose(index, perm), -1);
  const srcT = tf.expandDims(tf.transpose(src, perm), -1);
  const iota = tf.reshape(tf.range(0, n, 1, 'int32'), [...new Array<number>(r).fill(1), n]);
  const mask = tf.equal(idxT, iota);
  const values = tf.where(mask, tf.broadcastTo(srcT, mask.shape), tf.fill(mask.shape, fill, src.dtype));
  return { values, mask, perm };
}

/** Puts a `[...others(index), n]` result back into the input's layout, padding with `fill`. */
function undense(v: TfTensor, p: ScatterPlan, perm: number[], fill: number): TfTensor {
  const target = perm.map((d) => p.xShape[d]);
  const pads = v.shape.map((s, i): [number, number] => [0, target[i] - s]);
  const padded = pads.some(([, b]) => b > 0) ? tf.pad(v, pads, fill) : v;
  const inv = perm.map((_, i) => perm.indexOf(i));
  return tf.transpose(padded, inv);
}

/** @internal The reduced scatter result, on raw values. */
export function scatterForward(x: TfTensor, index: TfTensor, coords: TfTensor, src: TfTensor, p: ScatterPlan): TfTensor {
  return tf.tidy(() => {
    if (index.size === 0) return tf.clone(x);
    const touched = touchedMask(coords, p);
    if (p.mode === 'none') return tf.tensorScatterUpdate(x, coords, src);
    if (p.mode === 'sum' || p.mode === 'mean') {
      const s = scatterNdRaw(coords, src, p.xShape);
      if (p.mode === 'sum') return p.includeSelf ? tf.add(x, s) : tf.where(touched, s, x);
      const count = scatterNdRaw(coords, tf.ones(p.indexShape, x.dtype), p.xShape);
      const total = p.includeSelf ? tf.add(x, s) : s;
      const n = p.includeSelf ? tf.add(count, tf.onesLike(count)) : tf.maximum(count, tf.onesLike(count));
      const avg = x.dtype === 'int32' ? tf.floorDiv(total, n) : tf.div(total, n);
      return tf.where(touched, avg, x);
    }
    const fill = identity(p.mode, x.dtype);
    const { values, perm } = denseLayout(index, src, p, fill);
    const reduced = p.mode === 'prod' ? tf.prod(values, -2) : p.mode === 'amax' ? tf.max(values, -2) : tf.min(values, -2);
    const r = undense(reduced, p, perm, fill);
    if (!p.includeSelf) return tf.where(touched, r, x);
    if (p.mode === 'prod') return tf.mul(x, r);
    return p.mode === 'amax' ? tf.maximum(x, r) : tf.minimum(x, r);
  });
}

/** @internal Zero-pads a gradient of the index's shape to the full `src` shape. */
function padToSrc(g: TfTensor, p: ScatterPlan): TfTensor {
  const pads = p.indexShape.map((s, i): [number, number] => [0, p.srcShape[i] - s]);
  return pads.some(([, b]) => b > 0) ? tf.pad(g, pads) : g;
}

/** @internal Gradients of a scatter with respect to the input and to `src` (raw values). */
export function scatterBackward(dy: TfTensor, x: TfTensor, index: TfTensor, coords: TfTensor, src: TfTensor, out: TfTensor, p: ScatterPlan): [TfTensor, TfTensor] {
  if (index.size === 0) return [dy, tf.zeros(p.srcShape)];
  const touched = touchedMask(coords, p);
  const zero = tf.zerosLike(dy);
  const at = (v: TfTensor) => gatherNdRaw(v, coords);
  if (p.mode === 'none' || p.mode === 'sum') {
    const gx = p.mode === 'sum' && p.includeSelf ? dy : tf.where(touched, zero, dy);
    return [gx, padToSrc(at(dy), p)];
  }
  if (p.mode === 'mean') {
    const count = scatterNdRaw(coords, tf.ones(p.indexShape), p.xShape);
    const n = p.includeSelf ? tf.add(count, 1) : tf.maximum(count, 1);
    const g = tf.div(dy, n);
    const gx = p.includeSelf ? tf.where(touched, g, dy) : tf.where(touched, zero, dy);
    return [gx, padToSrc(at(g), p)];
  }
  if (p.mode === 'amax' || p.mode === 'amin') {
    const srcHits = tf.cast(tf.equal(src, at(out)), 'float32');
    const selfHits = p.includeSelf ? tf.cast(tf.equal(x, out), 'float32') : tf.zerosLike(x);
    const n = tf.add(scatterNdRaw(coords, srcHits, p.xShape), selfHits);
    const g = tf.div(dy, tf.maximum(n, 1));
    const gx = tf.where(touched, tf.mul(g, selfHits), dy);
    return [gx, padToSrc(tf.mul(at(g), srcHits), p)];
  }
  // prod: every contributor's gradient is the product of all the others (zero-safe through
  // exclusive cumulative products along the contributors' axis).
  const { values, mask, perm } = denseLayout(index, src, p, 1);
  const ax = values.rank - 2;
  const others = tf.mul(tf.cumprod(values, ax, true), tf.cumprod(values, ax, true, true));
  const picked = tf.sum(tf.where(mask, others, tf.zerosLike(others)), -1);
  const inv = perm.map((_, i) => perm.indexOf(i));
  const exclusive = tf.transpose(picked, inv);
  const srcProd = undense(tf.prod(values, -2), p, perm, 1);
  const selfFactor = p.includeSelf ? x : tf.onesLike(x);
  const gx = p.includeSelf ? tf.where(touched, tf.mul(dy, srcProd), dy) : tf.where(touched, zero, dy);
  return [gx, padToSrc(tf.mul(at(tf.mul(dy, selfFactor)), exclusive), p)];
}
