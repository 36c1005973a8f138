import { isGradEnabled, ShapeError, type Tensor } from '@dl/core';
import { runOp, tf } from '@dl/core/internal';
import { checkFloatTensor, fmtShape } from './checks';

/** @internal The rows of each column of a `[F, J]` matrix between its first and last nonzero entry. */
export interface Bands {
  version: number;
  values: Float32Array;
  first: Int32Array;
  last: Int32Array;
  /** Column `c`'s band `first[c]..last[c]`, contiguous: `weights[offset[c] + (i - first[c])]`. */
  offset: Int32Array;
  weights: Float64Array;
  /** The nonzero entries by row (CSR): row `i` has columns `rowCol[rowPtr[i]..rowPtr[i + 1])` with weights `rowW[...]`. */
  rowPtr: Int32Array;
  rowCol: Int32Array;
  rowW: Float64Array;
}

const cache = new WeakMap<Tensor, Bands>();

/** @internal The nonzero bands of `w`'s columns (cached per tensor until it changes in place). */
export function bandsOf(w: Tensor): Bands {
  const version = (w as unknown as { _version: number })._version;
  const hit = cache.get(w);
  if (hit && hit.version === version) return hit;
  const [f, j] = w.shape;
  const values = w.dataSync() as Float32Array;
  const first = new Int32Array(j).fill(f);
  const last = new Int32Array(j).fill(-1);
  for (let i = 0; i < f; i++) {
    for (let c = 0; c < j; c++) {
      if (values[i * j + c] !== 0) {
        if (first[c] === f) first[c] = i;
        last[c] = i;
      }
    }
  }
  const offset = new Int32Array(j + 1);
  for (let c = 0; c < j; c++) offset[c + 1] = offset[c] + Math.max(0, last[c] - first[c] + 1);
  const weights = new Float64Array(offset[j]);
  for (let c = 0; c < j; c++) for (let i = first[c]; i <= last[c]; i++) weights[offset[c] + i - first[c]] = values[i * j + c];
  const rowPtr = new Int32Array(f + 1);
  for (let i = 0; i < f; i++) {
    let count = 0;
    for (let c = 0; c < j; c++) if (values[i * j + c] !== 0) count++;
    rowPtr[i + 1] = rowPtr[i] + count;
  }
  const rowCol = new Int32Array(rowPtr[f]);
  const rowW = new Float64Array(rowPtr[f]);
  for (let i = 0, at = 0; i < f; i++) {
    for (let c = 0; c < j; c++) {
      const v = values[i * j + c];
      if (v !== 0) {
        rowCol[at] = c;
        rowW[at++] = v;
      }
    }
  }
  const bands = { version, values, first, last, offset, weights, rowPtr, rowCol, rowW };
  cache.set(w, bands);
  return bands;
}

/**
 * @internal `matmul(x.transpose(-1, -2), w).transpose(-1, -2)` for `x` `[..., F, T]` and `w`
 * `[F, J]`: what MelScale, LFCC and MFCC apply along the frequency axis. Computed in one pass
 * over the nonzero band of each column of `w` (a mel filter covers a few bins), with double
 * precision sums, and differentiable with respect to both. Faster on every backend than the two
 * transposes and a broadcast batched matmul.
 */
export function projectFreq(x: Tensor, w: Tensor, op: string): Tensor {
  checkFloatTensor(x, op, 'specgram', 2, '[..., freq, time]');
  const shape = x.shape;
  const f = shape[shape.length - 2];
  const t = shape[shape.length - 1];
  if (w.ndim !== 2 || w.shape[0] !== f) {
    throw new ShapeError(`${op}: expected a spectrogram with ${w.shape[0]} frequency bins, got shape ${fmtShape(shape)}`);
  }
  const j = w.shape[1];
  const batch = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const bands = bandsOf(w);
  const wantsW = isGradEnabled() && w.requiresGrad;
  return runOp({
    name: 'FreqProjection',
    inputs: [x, w],
    // x is needed again only for the gradient of w (usually a buffer, without one).
    save: wantsW ? { inputs: [0] } : undefined,
    forward: () => {
      const xd = x.dataSync() as Float32Array;
      const out = new Float32Array(batch * j * t);
      const acc = new Float64Array(t);
      const { first, last, offset, weights } = bands;
      for (let b = 0; b < batch; b++) {
        const xb = b * f * t;
        for (let c = 0; c < j; c++) {
          acc.fill(0);
          const base = offset[c] - first[c];
          for (let i = first[c]; i <= last[c]; i++) {
            const wic = weights[base + i];
            if (wic === 0) continue;
            const row = xb + i * t;
            for (let k = 0; k < t; k++) acc[k] += wic * xd[row + k];
          }
          out.set(acc, (b * j + c) * t);
        }
      }
      return tf.tensor(out, [...shape.slice(0, -2), j, t]);
    },
    backward: (dy, saved, needs) => {
      const g = dy.dataSync() as Float32Array;
      const { first, last, offset, weights } = bands;
      let gx: Float32Array | null = null;
      if (needs[0]) {
        const acc = new Float64Array(batch * f * t);
        for (let b = 0; b < batch; b++) {
          for (let c = 0; c < j; c++) {
            const gRow = (b * j + c) * t;
            const base = offset[c] - first[c];
            for (let i = first[c]; i <= last[c]; i++) {
              const wic = weights[base + i];
              if (wic === 0) continue;
              const row = (b * f + i) * t;
              for (let k = 0; k < t; k++) acc[row + k] += wic * g[gRow + k];
            }
          }
        }
        gx = Float32Array.from(acc);
      }
      let gw: Float32Array | null = null;
      if (needs[1] && saved.length > 0) {
        const xd = saved[0].dataSync() as Float32Array;
        gw = new Float32Array(f * j);
        for (let i = 0; i < f; i++) {
          for (let c = 0; c < j; c++) {
            let s = 0;
            for (let b = 0; b < batch; b++) {
              const xr = (b * f + i) * t;
              const gr = (b * j + c) * t;
              for (let k = 0; k < t; k++) s += xd[xr + k] * g[gr + k];
            }
            gw[i * j + c] = s;
          }
        }
      }
      return [gx ? tf.tensor(gx, shape) : null, gw ? tf.tensor(gw, [f, j]) : null];
    },
  });
}
