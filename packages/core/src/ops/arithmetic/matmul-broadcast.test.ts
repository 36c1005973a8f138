import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { DTypeError, ShapeError, getBackend, matmul, tensor } from '../../index';
import type { Tensor } from '../../index';
import { throwsExactly } from '../../../test/support/throws-exactly';

// Reference matmul with PyTorch's rules, in plain JavaScript loops (float64).

const numel = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** Deterministic values in [-1, 1] (a small LCG), different for each `seed`. */
function values(shape: readonly number[], seed: number): number[] {
  let s = (seed * 2654435761) >>> 0 || 1;
  return Array.from({ length: numel(shape) }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.round(((s / 2 ** 32) * 2 - 1) * 64) / 64;
  });
}

/** Row-major offset of `idx` (aligned to the right of `shape`, size-1 dims broadcast) in `shape`. */
function offsetOf(idx: readonly number[], shape: readonly number[]): number {
  let off = 0;
  const lead = idx.length - shape.length;
  for (let i = 0; i < shape.length; i++) off = off * shape[i] + (shape[i] === 1 ? 0 : idx[lead + i]);
  return off;
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return idx;
}

interface Plan {
  batchA: number[];
  batchB: number[];
  batch: number[];
  m: number;
  k: number;
  n: number;
  outShape: number[];
}

function plan(sa: readonly number[], sb: readonly number[]): Plan {
  const a2 = sa.length === 1 ? [1, sa[0]] : sa;
  const b2 = sb.length === 1 ? [sb[0], 1] : sb;
  const batchA = a2.slice(0, -2);
  const batchB = b2.slice(0, -2);
  const r = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = batchA[batchA.length - r + i] ?? 1;
    const db = batchB[batchB.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`reference: batch dims do not broadcast: ${sa} ${sb}`);
    batch.push(da === 1 ? db : da);
  }
  const m = a2[a2.length - 2];
  const k = a2[a2.length - 1];
  const n = b2[b2.length - 1];
  const outShape = [...batch, ...(sa.length === 1 ? [] : [m]), ...(sb.length === 1 ? [] : [n])];
  return { batchA, batchB, batch, m, k, n, outShape };
}

function refMatmul(a: number[], sa: number[], b: number[], sb: number[]): { shape: number[]; data: number[] } {
  const { batchA, batchB, batch, m, k, n, outShape } = plan(sa, sb);
  const data = new Array<number>(numel(batch) * m * n).fill(0);
  for (let t = 0; t < numel(batch); t++) {
    const idx = unravel(t, batch);
    const oa = offsetOf(idx, batchA) * m * k;
    const ob = offsetOf(idx, batchB) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += a[oa + i * k + q] * b[ob + q * n + j];
        data[t * m * n + i * n + j] = s;
      }
    }
  }
  return { shape: outShape, data };
}

/** Gradients of `sum(matmul(a, b) * w)` with respect to `a` and `b`, by loops. */
function refGrads(a: number[], sa: number[], b: number[], sb: number[], w: number[]): [number[], number[]] {
  const { batchA, batchB, batch, m, k, n } = plan(sa, sb);
  const ga = new Array<number>(a.length).fill(0);
  const gb = new Array<number>(b.length).fill(0);
  for (let t = 0; t < numel(batch); t++) {
    const idx = unravel(t, batch);
    const oa = offsetOf(idx, batchA) * m * k;
    const ob = offsetOf(idx, batchB) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const g = w[t * m * n + i * n + j];
        for (let q = 0; q < k; q++) {
          ga[oa + i * k + q] += g * b[ob + q * n + j];
          gb[ob + q * n + j] += g * a[oa + i * k + q];
        }
      }
    }
  }
  return [ga, gb];
}

function maxDiff(got: ArrayLike<number>, want: readonly number[]): number {
  expect(got.length).toBe(want.length);
  let d = 0;
  for (let i = 0; i < want.length; i++) d = Math.max(d, Math.abs(got[i] - want[i]));
  return d;
}

const data = (t: Tensor) => Array.from(t.dataSync() as Float32Array);

function gradOf(t: Tensor): Tensor {
  expect(t.grad).not.toBeNull();
  return t.grad as Tensor;
}

// [shape of input, shape of other]: 1-D/2-D/3-D/4-D/5-D mixes, size-1 and non-1 batch dims on
// either side, batch shapes that tfjs's kernel pairs up wrongly, and size-1 matrix dims.
const CASES: [number[], number[]][] = [
  [[3], [3]],
  [[3], [3, 4]],
  [[2, 3], [3]],
  [[2, 3], [3, 4]],
  [[1, 1], [1, 1]],
  [[3], [2, 3, 4]],
  [[2, 5, 3], [3]],
  [[4], [2, 1, 4, 3]],
  [[3, 2, 5, 4], [4]],
  [[2, 3, 4], [4, 5]],
  [[3, 4], [2, 4, 5]],
  [[5, 2, 3, 4], [4, 2]],
  [[3, 4], [2, 3, 4, 2]],
  [[2, 3, 4], [2, 4, 5]],
  [[1, 3, 4], [2, 4, 5]],
  [[2, 3, 4], [1, 4, 5]],
  [[2, 1, 3, 4], [3, 4, 5]],
  [[3, 3, 4], [2, 1, 4, 5]],
  [[2, 1, 3, 4], [1, 3, 4, 5]],
  [[1, 3, 3, 4], [2, 1, 4, 5]],
  [[2, 3, 2, 4], [3, 4, 5]],
  [[3, 2, 4], [2, 3, 4, 5]],
  [[2, 3, 2, 4], [1, 3, 4, 5]],
  [[2, 1, 2, 3], [2, 3, 4]],
  [[1, 2, 3, 4], [2, 4, 5]],
  [[2, 4, 5], [1, 2, 5, 3]],
  [[1, 1, 3, 4], [2, 3, 4, 5]],
  [[2, 3, 3, 4], [1, 1, 4, 5]],
  [[2, 1, 1, 4], [3, 4, 1]],
  [[2, 3, 1, 2, 3], [3, 2, 3, 2]],
  [[1, 4, 1, 2, 3], [2, 1, 3, 3, 2]],
  [[2, 1, 3, 2, 3], [1, 4, 1, 3, 2]],
];

describe('matmul broadcasts batch dimensions like torch.matmul', () => {
  for (const [sa, sb] of CASES) {
    it(`[${sa}] @ [${sb}]`, () => {
      const av = values(sa, 1 + sa.length * 7 + sb.length);
      const bv = values(sb, 2 + sa.length + sb.length * 5);
      const want = refMatmul(av, sa, bv, sb);
      const y = dl.matmul(dl.tensor(av).reshape(sa), dl.tensor(bv).reshape(sb));
      expect(y.shape).toEqual(want.shape);
      expect(y.dtype).toBe('float32');
      expect(maxDiff(data(y), want.data)).toBeLessThan(1e-5);
    });
  }

  it('gets [2, 1, m, k] @ [3, k, n] right (the reported case), through the method form too', () => {
    const sa = [2, 1, 4, 5];
    const sb = [3, 5, 6];
    const av = values(sa, 11);
    const bv = values(sb, 12);
    const want = refMatmul(av, sa, bv, sb);
    const a = dl.tensor(av).reshape(sa);
    const b = dl.tensor(bv).reshape(sb);
    for (const y of [dl.matmul(a, b), a.matmul(b)]) {
      expect(y.shape).toEqual([2, 3, 4, 6]);
      expect(maxDiff(data(y), want.data)).toBeLessThan(1e-5);
    }
    // Each [i, j] block is a[i, 0] @ b[j].
    const y = dl.matmul(a, b);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        const block = dl.mm(a.select(0, i).select(0, 0), b.select(0, j));
        expect(maxDiff(data(y.select(0, i).select(0, j)), data(block))).toBeLessThan(1e-6);
      }
    }
  });

  it('agrees with an explicit expand + bmm', () => {
    const a = dl.tensor(values([3, 1, 2, 4], 5)).reshape([3, 1, 2, 4]);
    const b = dl.tensor(values([1, 5, 4, 3], 6)).reshape([1, 5, 4, 3]);
    const viaBmm = dl.bmm(a.expand([3, 5, 2, 4]).reshape([15, 2, 4]), b.expand([3, 5, 4, 3]).reshape([15, 4, 3])).reshape([3, 5, 2, 3]);
    expect(maxDiff(data(dl.matmul(a, b)), data(viaBmm))).toBeLessThan(1e-6);
  });

  it('promotes dtypes before broadcasting', () => {
    const a = dl.ones([2, 1, 2, 3], { dtype: 'int32' });
    const b = dl.tensor(values([3, 3, 2], 3)).reshape([3, 3, 2]);
    const want = refMatmul(new Array(12).fill(1), [2, 1, 2, 3], values([3, 3, 2], 3), [3, 3, 2]);
    const y = dl.matmul(a, b);
    expect(y.dtype).toBe('float32');
    expect(maxDiff(data(y), want.data)).toBeLessThan(1e-5);
  });

  it('handles empty dimensions (zeros where the contracted dimension is empty)', () => {
    expect(dl.matmul(dl.ones([2, 0]), dl.ones([0, 3])).tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(dl.matmul(dl.ones([0]), dl.ones([0])).tolist()).toBe(0);
    expect(dl.matmul(dl.ones([2, 1, 2, 0]), dl.ones([3, 0, 2])).tolist()).toEqual(dl.zeros([2, 3, 2, 2]).tolist());
    expect(dl.matmul(dl.ones([0, 3]), dl.ones([3, 4])).shape).toEqual([0, 4]);
    expect(dl.matmul(dl.ones([0, 2, 3]), dl.ones([3, 4])).shape).toEqual([0, 2, 4]);
    expect(dl.matmul(dl.ones([2, 1, 0, 3]), dl.ones([3, 3, 2])).shape).toEqual([2, 3, 0, 2]);
    expect(dl.matmul(dl.ones([2, 1, 2, 3]), dl.ones([0, 3, 2])).shape).toEqual([2, 0, 2, 2]);
    expect(dl.matmul(dl.ones([0, 1, 2, 3]), dl.ones([1, 4, 3, 2])).shape).toEqual([0, 4, 2, 2]);
  });

  it('gives zero gradients for empty products', () => {
    const a = dl.ones([2, 0], { requiresGrad: true });
    const b = dl.ones([0, 3], { requiresGrad: true });
    dl.matmul(a, b).sum().backward();
    expect(gradOf(a).shape).toEqual([2, 0]);
    expect(gradOf(b).shape).toEqual([0, 3]);
    const c = dl.ones([2, 3], { requiresGrad: true });
    const d = dl.ones([0, 3, 4], { requiresGrad: true });
    dl.matmul(c, d).sum().backward();
    expect(gradOf(c).tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(gradOf(d).shape).toEqual([0, 3, 4]);
  });
});

// Shapes whose gradients flow through broadcast batch dimensions (summed back to the input).
const GRAD_CASES: [number[], number[]][] = [
  [[2, 1, 2, 3], [3, 3, 2]],
  [[3, 3, 2], [2, 1, 2, 3]],
  [[2, 1, 3, 4], [1, 3, 4, 2]],
  [[2, 3, 2, 4], [3, 4, 2]],
  [[1, 2, 2, 3], [2, 3, 2]],
  [[1, 1, 2, 3], [2, 3, 3, 2]],
  [[3, 4], [2, 2, 4, 1]],
  [[4], [2, 1, 4, 3]],
  [[2, 3, 2, 4], [4]],
  [[3], [3]],
  [[2, 1, 3, 2, 3], [1, 2, 1, 3, 2]],
];

describe('matmul gradients with broadcast batch dimensions', () => {
  for (const [sa, sb] of GRAD_CASES) {
    it(`[${sa}] @ [${sb}] matches the loop reference`, () => {
      const av = values(sa, 21 + sa.length);
      const bv = values(sb, 22 + sb.length);
      const { outShape } = plan(sa, sb);
      const wv = values(outShape, 23);
      const a = dl.tensor(av).reshape(sa).detach().requiresGrad_();
      const b = dl.tensor(bv).reshape(sb).detach().requiresGrad_();
      dl.matmul(a, b).mul(dl.tensor(wv).reshape(outShape)).sum().backward();
      const [ga, gb] = refGrads(av, sa, bv, sb, wv);
      expect(gradOf(a).shape).toEqual(sa);
      expect(gradOf(b).shape).toEqual(sb);
      expect(maxDiff(data(gradOf(a)), ga)).toBeLessThan(1e-4);
      expect(maxDiff(data(gradOf(b)), gb)).toBeLessThan(1e-4);
    });

    it(`[${sa}] @ [${sb}] passes gradcheck`, () => {
      const a = dl.tensor(values(sa, 31)).reshape(sa).detach().requiresGrad_();
      const b = dl.tensor(values(sb, 32)).reshape(sb).detach().requiresGrad_();
      expect(dl.gradcheck(dl.matmul, [a, b])).toBe(true);
    });
  }

  it('sums the gradient of a broadcast batch back (sum loss, [2, 1, m, k] @ [3, k, n])', () => {
    const a = dl.ones([2, 1, 2, 3], { requiresGrad: true });
    const b = dl.tensor(values([3, 3, 2], 41)).reshape([3, 3, 2]).detach().requiresGrad_();
    dl.matmul(a, b).sum().backward();
    // d/da[i, 0, p, q] = sum over the 3 batches of b and its columns of b[j, q, r].
    const rowSums = b.detach().sum(0).sum(1); // [3]
    const expected = rowSums.reshape([1, 1, 1, 3]).expand([2, 1, 2, 3]);
    expect(maxDiff(data(gradOf(a)), data(expected))).toBeLessThan(1e-5);
    // d/db[j, q, r] = sum over a's 2 batches and its rows of a[i, 0, p, q] = 2 * 2.
    expect(gradOf(b).tolist()).toEqual(dl.full([3, 3, 2], 4).tolist());
  });

  it('gives an input that needs no gradient none', () => {
    const a = dl.tensor(values([2, 1, 2, 3], 51)).reshape([2, 1, 2, 3]);
    const b = dl.tensor(values([3, 3, 2], 52)).reshape([3, 3, 2]).detach().requiresGrad_();
    const y = dl.matmul(a, b);
    expect(y.requiresGrad).toBe(true);
    y.sum().backward();
    expect(a.grad).toBeNull();
    expect(gradOf(b).shape).toEqual([3, 3, 2]);
  });
});


describe('matmul shape errors', () => {
  it('names both shapes and the contracted sizes', () => {
    throwsExactly(() => dl.matmul(dl.ones([2, 3]), dl.ones([4, 5])), ShapeError, 'matmul: shapes [2, 3] and [4, 5] cannot be multiplied (3 vs 4 in the contracted dimension)');
    throwsExactly(() => dl.matmul(dl.ones([3]), dl.ones([4])), ShapeError, 'matmul: shapes [3] and [4] cannot be multiplied (3 vs 4 in the contracted dimension)');
    throwsExactly(() => dl.matmul(dl.ones([3]), dl.ones([2, 4, 5])), ShapeError, 'matmul: shapes [3] and [2, 4, 5] cannot be multiplied (3 vs 4 in the contracted dimension)');
    throwsExactly(() => dl.matmul(dl.ones([2, 1, 2, 3]), dl.ones([3, 2, 5])), ShapeError, 'matmul: shapes [2, 1, 2, 3] and [3, 2, 5] cannot be multiplied (3 vs 2 in the contracted dimension)');
  });

  it('names the batch dimensions that do not broadcast', () => {
    throwsExactly(
      () => dl.matmul(dl.ones([2, 3, 4]), dl.ones([5, 4, 2])),
      ShapeError,
      'matmul: shapes [2, 3, 4] and [5, 4, 2] cannot be multiplied: their batch dimensions [2] and [5] do not broadcast (the size of tensor a (2) must match the size of tensor b (5) at non-singleton dimension 0)',
    );
    throwsExactly(
      () => dl.matmul(dl.ones([2, 3, 2, 4]), dl.ones([2, 4, 5])),
      ShapeError,
      'matmul: shapes [2, 3, 2, 4] and [2, 4, 5] cannot be multiplied: their batch dimensions [2, 3] and [2] do not broadcast (the size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1)',
    );
    throwsExactly(
      () => dl.ones([4, 1, 2, 3]).matmul(dl.ones([2, 5, 3, 1])),
      ShapeError,
      'matmul: shapes [4, 1, 2, 3] and [2, 5, 3, 1] cannot be multiplied: their batch dimensions [4, 1] and [2, 5] do not broadcast (the size of tensor a (4) must match the size of tensor b (2) at non-singleton dimension 0)',
    );
  });

  it('refuses 0-d operands', () => {
    throwsExactly(() => dl.matmul(dl.tensor(2), dl.ones([3])), ShapeError, 'matmul: both arguments need at least 1 dimension (got shapes [] and [3])');
  });

  it('keeps the checks of mm and bmm (no broadcasting there)', () => {
    throwsExactly(() => dl.bmm(dl.ones([1, 2, 3]), dl.ones([4, 3, 2])), ShapeError, 'bmm: expected batch2 of shape [1, 3, 2] for batch1 of shape [1, 2, 3], got [4, 3, 2]');
    throwsExactly(() => dl.mm(dl.ones([2, 3]), dl.ones([2, 3, 4])), ShapeError, 'mm: mat2 must be a matrix (2-D), got shape [2, 3, 4]');
  });
});

describe('matmul dtypes', () => {
  it('rejects bool tensors with a DTypeError, as PyTorch does', () => {
    const b = tensor([[true, false]]);
    throwsExactly(() => matmul(b, b.t()), DTypeError, 'matmul: not implemented for bool tensors (cast them with .float() or .int())');
  });

  it('multiplies int32 tensors exactly where the backend can, and says so where it cannot (wasm)', () => {
    const a = tensor([[1, 2], [3, 4]], { dtype: 'int32' });
    if (getBackend() === 'wasm') {
      throwsExactly(() => matmul(a, a), DTypeError, 'matmul: int32 tensors are not supported on the wasm backend (cast them with .float(), or use the cpu backend)');
    } else {
      const out = matmul(a, a);
      expect(out.dtype).toBe('int32');
      expect(out.tolist()).toEqual([[7, 10], [15, 22]]);
    }
  });
});
