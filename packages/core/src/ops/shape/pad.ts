import { tf, type TfTensor } from '../../backend/tfjs';
import { runOp } from '../../autograd/run-op';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from './shape-utils';
import { assertTensor, assertNumberList } from '../arg-checks';

/** How {@link pad} fills the new border. */
export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

/** Options of {@link pad}. */
export interface PadOptions {
  /** `constant` fills with `value`; `reflect` mirrors without the edge; `replicate` repeats the edge; `circular` wraps around. @default 'constant' */
  mode?: PadMode;
  /** The fill value of `constant` mode. @default 0 */
  value?: number;
}

function sliceAlong(v: TfTensor, d: number, start: number, len: number): TfTensor {
  return tf.slice(v, v.shape.map((_, k) => (k === d ? start : 0)), v.shape.map((s, k) => (k === d ? len : s)));
}

function padAlong(v: TfTensor, d: number, before: number, after: number, value = 0): TfTensor {
  if (before === 0 && after === 0) return v;
  return tf.pad(v, v.shape.map((_, k): [number, number] => (k === d ? [before, after] : [0, 0])), value);
}

function borderForward(v: TfTensor, d: number, l: number, r: number, mode: Exclude<PadMode, 'constant'>): TfTensor {
  const n = v.shape[d];
  const parts: TfTensor[] = [];
  const reps = (k: number) => v.shape.map((_, i) => (i === d ? k : 1));
  if (l > 0) {
    if (mode === 'reflect') parts.push(tf.reverse(sliceAlong(v, d, 1, l), d));
    else if (mode === 'replicate') parts.push(tf.tile(sliceAlong(v, d, 0, 1), reps(l)));
    else parts.push(sliceAlong(v, d, n - l, l));
  }
  parts.push(v);
  if (r > 0) {
    if (mode === 'reflect') parts.push(tf.reverse(sliceAlong(v, d, n - 1 - r, r), d));
    else if (mode === 'replicate') parts.push(tf.tile(sliceAlong(v, d, n - 1, 1), reps(r)));
    else parts.push(sliceAlong(v, d, 0, r));
  }
  return parts.length === 1 ? v : tf.concat(parts, d);
}

function borderBackward(g: TfTensor, d: number, n: number, l: number, r: number, mode: Exclude<PadMode, 'constant'>): TfTensor {
  let out = sliceAlong(g, d, l, n);
  if (l > 0) {
    const left = sliceAlong(g, d, 0, l);
    if (mode === 'reflect') out = tf.add(out, padAlong(tf.reverse(left, d), d, 1, n - 1 - l));
    else if (mode === 'replicate') out = tf.add(out, padAlong(tf.sum(left, d, true), d, 0, n - 1));
    else out = tf.add(out, padAlong(left, d, n - l, 0));
  }
  if (r > 0) {
    const right = sliceAlong(g, d, l + n, r);
    if (mode === 'reflect') out = tf.add(out, padAlong(tf.reverse(right, d), d, n - 1 - r, 1));
    else if (mode === 'replicate') out = tf.add(out, padAlong(tf.sum(right, d, true), d, n - 1, 0));
    else out = tf.add(out, padAlong(right, d, 0, n - r));
  }
  return out;
}

function checkBorder(shape: readonly number[], pairs: [number, number, number][], mode: PadMode, pad: readonly number[]): void {
  const k = pairs.length;
  if (k < 1 || k > 3 || (shape.length !== k + 1 && shape.length !== k + 2)) {
    throw new ShapeError(`pad: ${mode} padding of ${k} dimension(s) (pad ${fmtShape(pad)}) needs a ${k + 1}-D or ${k + 2}-D input, got shape ${fmtShape(shape)}; only the last 1 to 3 dimensions can be padded in this mode`);
  }
  for (const [d, l, r] of pairs) {
    const n = shape[d];
    if (l < 0 || r < 0) throw new ValueError(`pad: negative padding (${l}, ${r}) is only supported in constant mode (mode ${mode})`);
    const ok = mode === 'reflect' ? l < n && r < n : mode === 'replicate' ? n > 0 || (l === 0 && r === 0) : l <= n && r <= n;
    if (!ok) {
      const need = mode === 'reflect' ? `must be less than the input size ${n}` : mode === 'circular' ? `must be at most the input size ${n}` : 'needs a non-empty dimension';
      throw new ValueError(`pad: ${mode} padding (${l}, ${r}) at dimension ${d} ${need} (input shape ${fmtShape(shape)})`);
    }
  }
}

/**
 * Pads (or, with negative amounts in constant mode, crops) the last dimensions, with PyTorch's
 * `F.pad` argument order: `[left, right]` for the last dimension, then `[top, bottom]` for the
 * one before, and so on.
 *
 * @example
 * ```ts
 * dl.pad(dl.tensor([[1, 2]]), [1, 1]).tolist(); // [[0, 1, 2, 0]]
 * dl.pad(dl.tensor([[[1, 2, 3]]]), [2, 1], { mode: 'reflect' }).tolist(); // [[[3, 2, 1, 2, 3, 2]]]
 * ```
 */
export function pad(input: Tensor, pad: readonly number[], options: PadOptions = {}): Tensor {
  assertTensor(input, 'pad');
  assertNumberList(pad, 'pad', 'pad');
  const mode = options.mode ?? 'constant';
  const shape = input.shape;
  const rank = shape.length;
  if (!['constant', 'reflect', 'replicate', 'circular'].includes(mode)) {
    throw new ValueError(`pad: unknown mode '${String(mode)}' (expected constant, reflect, replicate or circular)`);
  }
  if (pad.length % 2 !== 0) throw new ValueError(`pad: padding length must be divisible by 2 (got ${pad.length}: ${fmtShape(pad)})`);
  if (pad.length / 2 > rank) throw new ShapeError(`pad: padding length (${pad.length}) too large for a tensor of shape ${fmtShape(shape)}`);
  for (const p of pad) if (!Number.isInteger(p)) throw new ValueError(`pad: padding sizes must be integers (got ${fmtShape(pad)})`);
  const pairs: [number, number, number][] = [];
  for (let j = 0; j < pad.length / 2; j++) pairs.push([rank - 1 - j, pad[2 * j], pad[2 * j + 1]]);
  if (mode === 'constant') {
    for (const [d, l, r] of pairs) {
      if (shape[d] + l + r < 0) {
        throw new ShapeError(`pad: the input size ${shape[d]}, plus negative padding ${l} and ${r} resulted in a negative output size at dimension ${d} (input shape ${fmtShape(shape)})`);
      }
    }
    const value = options.value ?? 0;
    const crop = (v: TfTensor, cut: (l: number, r: number) => [number, number]) => {
      const begin = v.shape.map(() => 0);
      const size = v.shape.slice();
      for (const [d, l, r] of pairs) {
        const [a, b] = cut(l, r);
        begin[d] = a;
        size[d] -= a + b;
      }
      return tf.slice(v, begin, size);
    };
    const grow = (v: TfTensor, amount: (l: number, r: number) => [number, number], fill: number) => {
      const p = v.shape.map((): [number, number] => [0, 0]);
      for (const [d, l, r] of pairs) p[d] = amount(l, r);
      return tf.pad(v, p, fill);
    };
    const neg = (l: number, r: number): [number, number] => [Math.max(-l, 0), Math.max(-r, 0)];
    const pos = (l: number, r: number): [number, number] => [Math.max(l, 0), Math.max(r, 0)];
    return runOp({
      name: 'ConstantPad',
      inputs: [input],
      forward: () => tf.tidy(() => (rank === 0 ? tf.clone(input._value) : grow(crop(input._value, neg), pos, value))),
      backward: (dy) => [rank === 0 ? dy : grow(crop(dy, pos), neg, 0)],
    });
  }
  if (options.value !== undefined && options.value !== 0) {
    throw new ValueError(`pad: padding mode '${mode}' doesn't take in a value argument (got ${options.value})`);
  }
  checkBorder(shape, pairs, mode, pad);
  const name = mode === 'reflect' ? 'ReflectionPad' : mode === 'replicate' ? 'ReplicationPad' : 'CircularPad';
  return runOp({
    name,
    inputs: [input],
    forward: () =>
      tf.tidy(() => {
        let v = input._value;
        for (const [d, l, r] of pairs) v = borderForward(v, d, l, r, mode);
        return v === input._value ? tf.clone(v) : v;
      }),
    backward: (dy) => {
      let g = dy;
      for (const [d, l, r] of pairs) g = borderBackward(g, d, shape[d], l, r, mode);
      return [g];
    },
  });
}
