import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import type { Tensor } from '../../tensor/tensor';

/** One number for every spatial dimension, or one number per dimension (PyTorch's `_pair`). */
export type IntOrTuple = number | readonly number[];

/** A convolution's padding: per-dimension amounts, or PyTorch's `'valid'` / `'same'`. */
export type ConvPadding = IntOrTuple | 'valid' | 'same';

/** @internal `[before, after]` padding of each spatial dimension. */
export type PadPairs = [number, number][];

/** @internal Formats a shape like PyTorch does in messages: `[2, 3, 9, 9]`. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * @internal Expands an int-or-tuple option to `n` integers, checking each against `min`
 * (`stride` and `dilation` need >= 1, `padding` >= 0).
 */
export function expandInts(value: IntOrTuple, n: number, name: string, op: string, min: number): number[] {
  const out = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.from(value);
  if (out.length !== n) {
    throw new ValueError(`${op}: expected ${name} to be a single integer or a tuple of ${n} integers to match the spatial dimensions, but got ${name}=${JSON.stringify(value)}`);
  }
  for (const v of out) {
    if (!Number.isInteger(v) || v < min) {
      throw new ValueError(`${op}: ${name} must be ${min === 0 ? 'non-negative' : 'positive'} integers (got ${JSON.stringify(value)})`);
    }
  }
  return out;
}

/** @internal Throws a ShapeError naming the op when a tensor's rank is not one the op takes. */
export function checkRank(t: Tensor, ranks: readonly number[], op: string, what: string, layout: string): void {
  if (!ranks.includes(t.dim())) {
    const expected = ranks.map((r) => `${r}D`).join(' or ');
    throw new ShapeError(`${op}: expected ${expected} ${what} (${layout}), but got ${what} of size ${fmtShape(t.shape)}`);
  }
}

/**
 * @internal Resolves a convolution's padding to `[before, after]` pairs. `'same'` pads
 * `dilation * (kernel - 1)` in total, the odd element after (as PyTorch does), and refuses
 * strides other than 1.
 */
export function resolveConvPadding(padding: ConvPadding, kernel: readonly number[], stride: readonly number[], dilation: readonly number[], op: string): PadPairs {
  const n = kernel.length;
  if (padding === 'valid') return kernel.map(() => [0, 0]);
  if (padding === 'same') {
    if (stride.some((s) => s !== 1)) throw new ValueError(`${op}: padding='same' is not supported for strided convolutions (got stride ${fmtShape(stride)})`);
    return kernel.map((k, i) => {
      const total = dilation[i] * (k - 1);
      const before = Math.floor(total / 2);
      return [before, total - before];
    });
  }
  if (typeof padding === 'string') {
    throw new ValueError(`${op}: invalid padding string '${padding}' (expected 'valid' or 'same')`);
  }
  return expandInts(padding, n, 'padding', op, 0).map((p) => [p, p]);
}

/** @internal Output size of a convolution or pooling window along one dimension (floor mode). */
export function convOutSize(size: number, kernel: number, stride: number, padBefore: number, padAfter: number, dilation: number): number {
  return Math.floor((size + padBefore + padAfter - dilation * (kernel - 1) - 1) / stride) + 1;
}
