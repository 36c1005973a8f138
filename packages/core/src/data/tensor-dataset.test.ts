import { describe, expect, it, vi } from 'vitest';
import '../index';
import { IndexError } from '../errors/index-error';
import { ShapeError } from '../errors/shape-error';
import { ValueError } from '../errors/value-error';
import { arange } from '../ops/creation/arange';
import { tensor } from '../ops/creation/tensor';
import { Generator } from '../random/generator';
import type { Tensor } from '../tensor/tensor';
import { defaultCollate } from './collate/default-collate';
import { DataLoader } from './loader/data-loader';
import { randomSplit } from './random-split';
import { BatchSampler } from './samplers/batch-sampler';
import { SequentialSampler } from './samplers/sequential-sampler';
import { TensorDataset } from './tensor-dataset';

async function collect<B>(loader: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of loader) out.push(b);
  return out;
}

/** Each batch as [shape, dtype, values] per tensor, to compare two loaders exactly. */
const described = (batches: Tensor[][]) => batches.map((b) => b.map((t) => [t.shape, t.dtype, t.tolist()]));

describe('TensorDataset', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const y = tensor([0, 1, 0], { dtype: 'int32' });

  it('indexes every tensor along its first dimension', () => {
    const ds = new TensorDataset(x, y);
    expect(ds.length).toBe(3);
    const [xi, yi] = ds.getItem(1);
    expect(xi.tolist()).toEqual([3, 4]);
    expect(yi.tolist()).toBe(1);
    expect(yi.dtype).toBe('int32');
    expect(ds.getItem(-1)[0].tolist()).toEqual([5, 6]);
  });

  it('lets gradients flow back to the source tensor', () => {
    const w = tensor([1, 2, 3], { requiresGrad: true });
    const [item] = new TensorDataset(w).getItem(1);
    item.mul(5).backward();
    expect(w.grad?.tolist()).toEqual([0, 5, 0]);
  });

  it('rejects mismatched or missing tensors and out-of-range indices', () => {
    expect(() => new TensorDataset(x, tensor([1, 2]))).toThrow(ShapeError);
    expect(() => new TensorDataset(x, tensor([1, 2]))).toThrow('TensorDataset: size mismatch between tensors: tensor 0 has 3 rows (shape [3, 2]) but tensor 1 has 2 (shape [2])');
    expect(() => new TensorDataset()).toThrow(ValueError);
    expect(() => new TensorDataset(tensor(1))).toThrow('TensorDataset: tensor 0 is 0-dimensional; tensors need a first dimension to index');
    const ds = new TensorDataset(x);
    expect(() => ds.getItem(3)).toThrow(IndexError);
    expect(() => ds.getItem(3)).toThrow('TensorDataset: index 3 is out of range for a dataset of length 3');
    expect(() => ds.getItem(1.5)).toThrow('TensorDataset: index must be an integer, got 1.5');
  });

  it('describes itself for worker threads', () => {
    expect(new TensorDataset(x, y).workerSpec()).toEqual({ module: '@dl/core', export: 'TensorDataset', args: [x, y] });
  });

  it('makes a batch with one gather per tensor, equal to collating getItem', () => {
    const feats = arange(24).reshape([6, 2, 2]);
    const labels = tensor([0, 1, 2, 3, 4, 5], { dtype: 'int32' });
    const flags = tensor([true, false, true, false, true, false]);
    const ds = new TensorDataset(feats, labels, flags);
    const indices = [5, 0, 3, 3, -1];
    const batch = ds.getBatch(indices);
    const reference = defaultCollate(indices.map((i) => ds.getItem(i)));
    expect(described([batch])).toEqual(described([reference]));
    expect(batch.map((t) => t.dtype)).toEqual(['float32', 'int32', 'bool']);
    expect(() => ds.getBatch([0, 6])).toThrow('TensorDataset: index 6 is out of range for a dataset of length 6');
  });

  it('lets gradients of a gathered batch flow back, repeated rows adding up', () => {
    const w = tensor([[1, 2], [3, 4], [5, 6]], { requiresGrad: true });
    const [rows] = new TensorDataset(w).getBatch([2, 0, 2]);
    expect(rows.requiresGrad).toBe(true);
    rows.sum().backward();
    expect(w.grad?.tolist()).toEqual([[1, 1], [0, 0], [2, 2]]);
  });

  it('gives a DataLoader the same batches as per-item collation, with shuffle and dropLast, without calling getItem', async () => {
    const ds = new TensorDataset(arange(22).reshape([11, 2]), tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { dtype: 'int32' }));
    const getItem = vi.spyOn(ds, 'getItem');
    const options = { batchSize: 4, shuffle: true, dropLast: true } as const;
    const fast = new DataLoader(ds, { ...options, generator: new Generator(5) });
    const fastBatches = [...(await collect(fast)), ...(await collect(fast))];
    expect(getItem).not.toHaveBeenCalled();
    // A collateFn other than the default one loads item by item.
    const perItem = new DataLoader(ds, { ...options, generator: new Generator(5), collateFn: (items: [Tensor, Tensor][]) => defaultCollate(items) });
    const perItemBatches = [...(await collect(perItem)), ...(await collect(perItem))];
    expect(getItem).toHaveBeenCalledTimes(16);
    expect(fastBatches).toHaveLength(4);
    expect(fastBatches[0][0].shape).toEqual([4, 2]);
    expect(described(fastBatches)).toEqual(described(perItemBatches));
    // for ... of takes the same path
    expect(described([...new DataLoader(ds, { ...options, generator: new Generator(5) })])).toEqual(described(perItemBatches.slice(0, 2)));
  });

  it('batches a Subset of a TensorDataset (randomSplit) and a batchSampler the same way', async () => {
    const ds = new TensorDataset(arange(10), arange(10).mul(10));
    const [train] = randomSplit(ds, [7, 3], { generator: new Generator(2) });
    const getItem = vi.spyOn(ds, 'getItem');
    const fast = await collect(new DataLoader(train, { batchSize: 3 }));
    expect(getItem).not.toHaveBeenCalled();
    const perItem = await collect(new DataLoader(train, { batchSize: 3, collateFn: (items: Tensor[][]) => defaultCollate(items) }));
    expect(described(fast)).toEqual(described(perItem));
    expect(fast[0][0].tolist()).toEqual(train.indices.slice(0, 3));
    const sampler = new BatchSampler(new SequentialSampler(ds), 4, { dropLast: false });
    expect(described(await collect(new DataLoader(ds, { batchSampler: sampler })))).toEqual(described([ds.getBatch([0, 1, 2, 3]), ds.getBatch([4, 5, 6, 7]), ds.getBatch([8, 9])]));
  });

  it('reports a sampler index out of range as the per-item path does', async () => {
    const ds = new TensorDataset(arange(4));
    await expect(collect(new DataLoader(ds, { sampler: [0, 9], batchSize: 2 }))).rejects.toThrow('DataLoader: index 9 is out of range for a dataset of length 4 (valid indices are 0 to 3)');
  });
});
