import { describe, expect, it } from 'vitest';
import '../index';
import { IndexError } from '../errors/index-error';
import { ShapeError } from '../errors/shape-error';
import { ValueError } from '../errors/value-error';
import { tensor } from '../ops/creation/tensor';
import { TensorDataset } from './tensor-dataset';

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
});
