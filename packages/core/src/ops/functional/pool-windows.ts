// Pooling as "gather every window, then reduce": each spatial axis gets a table of the input
// coordinates every output position reads (padding and missing taps point outside the input),
// so sliding windows (any stride, padding, dilation, ceil mode) and adaptive windows (uneven
// sizes) share one forward (a gather per axis and a transpose; plain slices when windows do not
// overlap) and its exact adjoint for the backward.
import { tf, type TfTensor } from '../../backend/tfjs';

/** @internal The windows along one spatial axis. */
export interface AxisWindows {
  /** Input size along the axis. */
  size: number;
  /** Output size along the axis. */
  out: number;
  /** Taps per window (the longest window, for adaptive pooling). */
  k: number;
  /** `out * k` input coordinates, window by window; values outside `[0, size)` read padding. */
  coords: Int32Array;
}

/**
 * @internal Output size of a pooling window along one axis, PyTorch's `pooling_output_shape`:
 * in ceil mode the last window may hang over the end, but must start inside the input or the
 * left padding.
 */
export function poolOutSize(size: number, kernel: number, stride: number, pad: number, dilation: number, ceilMode: boolean): number {
  const span = size + 2 * pad - dilation * (kernel - 1) - 1;
  let out = Math.floor((span + (ceilMode ? stride - 1 : 0)) / stride) + 1;
  if (ceilMode && (out - 1) * stride >= size + pad) out--;
  return out;
}

/** @internal Sliding windows: output `o` reads `o * stride - pad + j * dilation`. */
export function slidingAxis(size: number, kernel: number, stride: number, pad: number, dilation: number, ceilMode: boolean): AxisWindows {
  const out = poolOutSize(size, kernel, stride, pad, dilation, ceilMode);
  const coords = new Int32Array(Math.max(out, 0) * kernel);
  for (let o = 0; o < out; o++) for (let j = 0; j < kernel; j++) coords[o * kernel + j] = o * stride - pad + j * dilation;
  return { size, out, k: kernel, coords };
}

/**
 * @internal Adaptive windows, PyTorch's: output `o` covers `[floor(o * size / out),
 * ceil((o + 1) * size / out))`; shorter windows end with taps at -1 (padding).
 */
export function adaptiveAxis(size: number, out: number): AxisWindows {
  const start = (o: number) => Math.floor((o * size) / out);
  const end = (o: number) => Math.ceil(((o + 1) * size) / out);
  let k = 0;
  for (let o = 0; o < out; o++) k = Math.max(k, end(o) - start(o));
  const coords = new Int32Array(out * k);
  for (let o = 0; o < out; o++) {
    const s = start(o);
    const len = end(o) - s;
    for (let j = 0; j < k; j++) coords[o * k + j] = j < len ? s + j : -1;
  }
  return { size, out, k, coords };
}

/** @internal The identity windows of a missing axis (1-D pooling runs as 2-D with height 1). */
export function unitAxis(): AxisWindows {
  return { size: 1, out: 1, k: 1, coords: Int32Array.of(0) };
}

/** How much padding the coordinates reach before and after the input. */
function reach(ax: AxisWindows): [number, number] {
  let lo = 0;
  let hi = ax.size - 1;
  for (const c of ax.coords) {
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  return [-lo, hi - (ax.size - 1)];
}

/** Gathers `coords` (shifted past the padding) along `axis`; a plain slice when they are 0, 1, 2, ... */
function take(x: TfTensor, ax: AxisWindows, shift: number, axis: number): TfTensor {
  const n = ax.coords.length;
  let contiguous = true;
  for (let i = 0; i < n && contiguous; i++) contiguous = ax.coords[i] + shift === i;
  if (contiguous) {
    if (n === x.shape[axis]) return x;
    const begin = x.shape.map(() => 0);
    const size = x.shape.slice();
    size[axis] = n;
    return tf.slice(x, begin, size);
  }
  const idx = tf.tensor1d(Int32Array.from(ax.coords, (c) => c + shift), 'int32');
  return tf.gather(x, idx, axis);
}

/**
 * @internal Every window of `planes [B, H, W]`, padded with `padValue`: `[B, OH, OW, kH * kW]`,
 * taps in row-major order within a window (so the first maximum is PyTorch's).
 */
export function gatherWindows(planes: TfTensor, ah: AxisWindows, aw: AxisWindows, padValue: number): TfTensor {
  return tf.tidy(() => {
    const [hLo, hHi] = reach(ah);
    const [wLo, wHi] = reach(aw);
    let x = planes;
    if (hLo || hHi || wLo || wHi) x = tf.pad(x, [[0, 0], [hLo, hHi], [wLo, wHi]], padValue);
    const rows = take(x, ah, hLo, 1);
    const cells = take(rows, aw, wLo, 2);
    const b = planes.shape[0]!;
    const split = tf.reshape(cells, [b, ah.out, ah.k, aw.out, aw.k]);
    return tf.reshape(tf.transpose(split, [0, 1, 3, 2, 4]), [b, ah.out, aw.out, ah.k * aw.k]);
  });
}

/**
 * @internal For every tap of every window (in `gatherWindows` order), its flat position `h * W + w`
 * in an input plane (PyTorch's pooling indices), or `H * W` where it reads padding.
 */
export function tapTable(ah: AxisWindows, aw: AxisWindows): Int32Array {
  const spare = ah.size * aw.size;
  const table = new Int32Array(ah.out * aw.out * ah.k * aw.k);
  let i = 0;
  for (let oh = 0; oh < ah.out; oh++) {
    for (let ow = 0; ow < aw.out; ow++) {
      for (let jh = 0; jh < ah.k; jh++) {
        const h = ah.coords[oh * ah.k + jh];
        for (let jw = 0; jw < aw.k; jw++) {
          const w = aw.coords[ow * aw.k + jw];
          table[i++] = h >= 0 && h < ah.size && w >= 0 && w < aw.size ? h * aw.size + w : spare;
        }
      }
    }
  }
  return table;
}

/** The adjoint of `take`: puts `n` slices back at their coordinates in a dimension of `full` (adding repeats). */
function untake(x: TfTensor, ax: AxisWindows, shift: number, axis: number, full: number): TfTensor {
  const n = ax.coords.length;
  let contiguous = true;
  for (let i = 0; i < n && contiguous; i++) contiguous = ax.coords[i] + shift === i;
  if (contiguous) {
    if (n === full) return x;
    const pads: [number, number][] = x.shape.map(() => [0, 0]);
    pads[axis] = [0, full - n];
    return tf.pad(x, pads);
  }
  const perm = x.shape.map((_, i) => i);
  perm[0] = axis;
  perm[axis] = 0;
  const front = axis === 0 ? x : tf.transpose(x, perm);
  const shape = front.shape.slice();
  shape[0] = full;
  const idx = tf.tensor2d(Int32Array.from(ax.coords, (c) => c + shift), [n, 1], 'int32');
  const summed = tf.scatterND(idx, front, shape);
  return axis === 0 ? summed : tf.transpose(summed, perm);
}

/**
 * @internal The adjoint of `gatherWindows`: adds every tap of `g [B, OH, OW, kH * kW]` back
 * where it was read, giving `[B, H, W]` (what fell on padding is dropped). Non-overlapping
 * windows need only a transpose; overlapping ones one ScatterNd per axis.
 */
export function scatterWindows(g: TfTensor, ah: AxisWindows, aw: AxisWindows): TfTensor {
  return tf.tidy(() => {
    const b = g.shape[0]!;
    const [hLo, hHi] = reach(ah);
    const [wLo, wHi] = reach(aw);
    const split = tf.transpose(tf.reshape(g, [b, ah.out, aw.out, ah.k, aw.k]), [0, 1, 3, 2, 4]);
    const cells = tf.reshape(split, [b, ah.out * ah.k, aw.out * aw.k]);
    const cols = untake(cells, aw, wLo, 2, aw.size + wLo + wHi);
    const rows = untake(cols, ah, hLo, 1, ah.size + hLo + hHi);
    if (!(hLo || hHi || wLo || wHi)) return rows;
    return tf.slice(rows, [0, hLo, wLo], [b, ah.size, aw.size]);
  });
}
