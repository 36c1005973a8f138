import { tf } from '../../backend/tfjs';
import { DTypeError } from '../../errors/dtype-error';
import { IndexError } from '../../errors/index-error';
import { Tensor } from '../../tensor/tensor';
import { broadcastShapes } from '../operands';
import { movedim } from '../shape/movedim';
import { narrow } from '../shape/narrow';
import { permute } from '../shape/permute';
import { reshape } from '../shape/reshape';
import { select } from '../shape/select';
import { unsqueeze } from '../shape/unsqueeze';
import { indexSelect } from './index-select';
import { checkIndexRange, gatherNdOp, wrapIndex } from './index-utils';
import { nonzero } from './nonzero';
import type { Slice } from './slice';
import { isSlice, sliceIndices } from './slice-utils';
import { assertTensor } from '../arg-checks';
import { ArgumentTypeError } from '../../errors/argument-type-error';
import { describeArg } from '../../tensor/describe-arg';

/**
 * One entry of an {@link index} call, standing for one piece of Python's `x[...]`: a number
 * (`x[2]`), a {@link slice} (`x[1:3]`), `null` (`None`, a new dimension), `'...'` (`...`), an
 * int32 tensor or a number array (advanced indexing), or a bool tensor (a mask).
 */
export type IndexItem = number | Slice | null | '...' | Tensor | readonly number[];

type Advanced = { dim: number; index: Tensor };

function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Turns bool masks into their index columns and arrays into int32 tensors. */
function expandItems(input: Tensor, items: readonly IndexItem[]): IndexItem[] {
  const out: IndexItem[] = [];
  let dim = 0;
  const consumed = (it: IndexItem) => (it === null || it === '...' ? 0 : it instanceof Tensor && it.dtype === 'bool' ? Math.max(it.dim(), 1) : 1);
  const total = items.reduce<number>((n, it) => n + consumed(it), 0);
  if (items.filter((it) => it === '...').length > 1) throw new IndexError('index: an index can only have a single ellipsis (...)');
  if (total > input.dim()) throw new IndexError(`index: too many indices for tensor of dimension ${input.dim()} (got ${total} indexed dimensions)`);
  for (const it of items) {
    if (it === '...') {
      for (let k = 0; k < input.dim() - total; k++) out.push({ kind: 'slice', start: null, stop: null, step: null });
      dim += input.dim() - total;
    } else if (Array.isArray(it)) {
      for (const v of it as unknown[]) {
        if (typeof v !== 'number' || !Number.isInteger(v)) {
          throw new ArgumentTypeError(`index: an array index must hold integers, got ${describeArg(v)} in ${describeArg(it)}`);
        }
      }
      out.push(Tensor._owned(tf.tensor1d(Int32Array.from(it as number[]), 'int32')));
      dim++;
    } else if (it instanceof Tensor && it.dtype === 'bool') {
      const shape = input.shape;
      const ms = it.shape;
      for (let k = 0; k < ms.length; k++) {
        if (ms[k] !== shape[dim + k]) {
          throw new IndexError(`index: the shape of the mask ${fmt(ms)} at index ${k} does not match the shape of the indexed tensor ${fmt(shape)} at index ${dim + k}`);
        }
      }
      if (ms.length === 0) throw new IndexError('index: a 0-d bool mask is not supported; use where() or maskedSelect()');
      out.push(...nonzero(it, { asTuple: true }));
      dim += ms.length;
    } else if (it instanceof Tensor) {
      if (it.dtype !== 'int32') throw new DTypeError(`index: tensors used as indices must be int32 (PyTorch's long) or bool (got ${it.dtype})`);
      out.push(it);
      dim++;
    } else {
      if (it !== null && typeof it !== 'number' && !isSlice(it)) {
        throw new ArgumentTypeError(`index: expected each index to be an integer, a slice(), null, '...', an int32 or bool Tensor or an array of integers, got ${describeArg(it)}`);
      }
      out.push(it);
      if (it !== null) dim++;
    }
  }
  return out;
}

/**
 * PyTorch's `x[...]` in TypeScript form: each argument stands for one comma-separated entry of
 * Python's subscript. Numbers select (removing the dimension), slices narrow, `null` adds a
 * dimension, `'...'` fills the remaining dimensions, and tensors or arrays index with NumPy's
 * advanced-indexing rules (indices broadcast together; their result dimensions replace the
 * indexed ones when those are adjacent, else go first). As in PyTorch (unlike NumPy), numbers
 * select before advanced indexing, so `x[0, :, [1, 2]]` has shape `[3, 2]` for `x` of shape
 * `[2, 3, 4]`. Gradients flow to `input`.
 *
 * @example
 * ```ts
 * import { slice } from '@dl/core';
 * const x = dl.arange(24).reshape(2, 3, 4);
 * x.index(0, slice(1, 3)).shape; // [2, 4]          (x[0, 1:3])
 * x.index('...', null, slice(null, null, 2)).shape; // [2, 3, 1, 2]   (x[..., None, ::2])
 * x.index(slice(), [0, 2], [1, 3]).shape; // [2, 2] (x[:, [0, 2], [1, 3]])
 * x.index(x.gt(20)).shape; // [3]                   (x[x > 20])
 * ```
 */
export function index(input: Tensor, ...indices: IndexItem[]): Tensor {
  assertTensor(input, 'index');
  const items = expandItems(input, indices);
  let cur = input;
  let d = 0;
  const advanced: Advanced[] = [];
  for (const it of items) {
    if (it === null) {
      cur = unsqueeze(cur, d);
      d++;
    } else if (typeof it === 'number') {
      const n = cur.shape[d];
      if (!Number.isInteger(it) || it < -n || it >= n) throw new IndexError(`index: index ${it} is out of bounds for dimension ${d} with size ${n}`);
      cur = select(cur, d, it);
    } else if (isSlice(it)) {
      const n = cur.shape[d];
      const [start, stop, step] = sliceIndices(it, n);
      if (step === 1) {
        if (start !== 0 || stop !== n) cur = narrow(cur, d, start, stop - start);
      } else {
        const picks = Int32Array.from({ length: Math.ceil((stop - start) / step) }, (_, i) => start + i * step);
        cur = indexSelect(cur, d, Tensor._owned(tf.tensor1d(picks, 'int32')));
      }
      d++;
    } else if (it instanceof Tensor) {
      advanced.push({ dim: d, index: it });
      d++;
    }
  }
  if (advanced.length === 0) return cur === input ? reshape(input, input.shape) : cur;
  let shapeB: number[] = [];
  try {
    for (const a of advanced) shapeB = broadcastShapes(shapeB, a.index.shape, 'index');
  } catch {
    throw new IndexError(`index: shape mismatch: indexing tensors could not be broadcast together with shapes ${advanced.map((a) => fmt(a.index.shape)).join(', ')}`);
  }
  const dims = advanced.map((a) => a.dim);
  const rank = cur.dim();
  const others = Array.from({ length: rank }, (_, i) => i).filter((i) => !dims.includes(i));
  const front = permute(cur, [...dims, ...others]);
  for (const a of advanced) checkIndexRange(a.index._value, cur.shape[a.dim], 'index', `dimension ${a.dim}`, true);
  const coords = tf.tidy(() => tf.stack(advanced.map((a) => tf.broadcastTo(wrapIndex(a.index._value, cur.shape[a.dim]), shapeB)), shapeB.length));
  let out: Tensor;
  try {
    out = gatherNdOp(front, coords, 'Index');
  } finally {
    coords.dispose();
  }
  const adjacent = dims.every((v, i) => i === 0 || v === dims[i - 1] + 1);
  const nb = shapeB.length;
  if (adjacent && dims[0] > 0 && nb > 0) {
    out = movedim(out, Array.from({ length: nb }, (_, i) => i), Array.from({ length: nb }, (_, i) => dims[0] + i));
  }
  return out;
}
