// Pooling as "gather every window, then reduce": each spatial axis gets a table of the input
// coordinates every output position reads (padding and missing taps point outside the input),
// so sliding windows (any stride, padding, dilation, ceil mode) and adaptive windows (uneven
// sizes) share one forward (two gathers and a transpose) and one backward (one ScatterNd).
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
 * in an input plane, or `H * W` (a spare slot) where it reads padding.
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

/**
 * @internal The adjoint of reading planes at flat positions: adds `updates [B, L]` into planes of
 * `H * W` at `index` (`[B, L]`, or `[L]` shared by every plane; `H * W` means "nowhere"), giving
 * `[B, H, W]`. One ScatterNd, which adds repeated positions.
 */
export function scatterToPlanes(updates: TfTensor, index: TfTensor, b: number, h: number, w: number): TfTensor {
  return tf.tidy(() => {
    const slots = h * w + 1;
    const l = updates.shape[1]!;
    const offsets = tf.reshape(tf.mul(tf.range(0, b, 1, 'int32'), tf.scalar(slots, 'int32')), [b, 1]);
    const global = tf.add(index.rank === 1 ? tf.reshape(index, [1, l]) : index, offsets);
    const sums = tf.scatterND(tf.reshape(global, [b * l, 1]), tf.reshape(updates, [b * l]), [b * slots]);
    return tf.reshape(tf.slice(tf.reshape(sums, [b, slots]), [0, 0], [b, h * w]), [b, h, w]);
  });
}
