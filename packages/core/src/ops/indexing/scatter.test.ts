import { describe, expect, it } from 'vitest';
import { DTypeError, IndexError, ShapeError, ValueError, gradcheck, scatter, scatterAdd, scatterReduce, tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: 'int32' });
const filled = (shape: number[], v: number) => tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => v)).reshape(shape);

describe('scatter / scatterAdd', () => {
  it('writes a value or a tensor at indices', () => {
    expect(scatter(filled([2, 3], 0), 1, i32([[1], [0]]), 5).tolist()).toEqual([[0, 5, 0], [5, 0, 0]]);
    const src = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(filled([3, 3], 0).scatter(0, i32([[0, 1, 2]]), src).tolist()).toEqual([[1, 0, 0], [0, 2, 0], [0, 0, 3]]);
    expect(scatter(filled([2], 1), 0, i32([0, 0]), tensor([2, 3]), { reduce: 'multiply' }).tolist()).toEqual([6, 1]);
    expect(scatter(filled([2], 1), 0, i32([0, 0]), tensor([2, 3]), { reduce: 'add' }).tolist()).toEqual([6, 1]);
  });

  it('adds with repeated indices', () => {
    expect(scatterAdd(filled([2], 0), 0, i32([0, 1, 0]), tensor([1, 2, 3])).tolist()).toEqual([4, 2]);
    expect(filled([2, 2], 1).scatterAdd(1, i32([[1, 1]]), tensor([[1, 2]])).tolist()).toEqual([[1, 4], [1, 1]]);
  });

  it('passes gradcheck for input and src', () => {
    const x = testTensor([3, 4], { requiresGrad: true });
    const s = testTensor([2, 4], { requiresGrad: true, seed: 3 });
    const idx = i32([[0, 1, 2, 0], [2, 0, 1, 1]]);
    expect(gradcheck((a, b) => a.scatter(0, idx, b), [x, s])).toBe(true);
    expect(gradcheck((a, b) => a.scatterAdd(0, i32([[0, 1, 2, 0], [0, 1, 2, 0]]), b), [x, s])).toBe(true);
    expect(gradcheck((a) => a.scatter(1, i32([[3], [0], [1]]), 2.5), [x])).toBe(true);
  });

  it('refuses bad dtypes, shapes, indices and reduce names', () => {
    expect(() => scatter(filled([2], 0), 0, i32([2]), 1)).toThrow(IndexError);
    expect(() => scatter(filled([2], 0), 0, i32([2]), 1)).toThrow('scatter: index 2 is out of bounds for dimension 0 with size 2');
    expect(() => scatter(filled([2], 0), 0, i32([0]), tensor([1], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => scatter(filled([2], 0), 0, i32([0, 1]), tensor([1]))).toThrow(ShapeError);
    expect(() => scatter(filled([2], 0), 0, i32([0, 1]), tensor([1]))).toThrow('scatter: expected index [2] to be smaller than src [1] at dimension 0');
    expect(() => scatter(filled([2], 0), 0, i32([0]), 1, { reduce: 'max' as 'add' })).toThrow(ValueError);
  });
});

// Expected values were computed with PyTorch 1.13 (torch.Tensor.scatter_reduce).
describe('scatterReduce', () => {
  const idx = i32([[0, 1, 0], [2, 2, 1]]);
  const src = tensor([[1, 2, 3], [4, 5, 6]]);
  const cases: [string, boolean, number[][]][] = [
    ['sum', true, [[6, 4, 2], [2, 8, 11]]],
    ['sum', false, [[4, 2, 2], [2, 6, 9]]],
    ['prod', true, [[6, 4, 2], [2, 12, 40]]],
    ['prod', false, [[3, 2, 2], [2, 6, 20]]],
    ['mean', true, [[2, 2, 2], [2, 4, 11 / 3]]],
    ['mean', false, [[2, 2, 2], [2, 6, 4.5]]],
    ['amax', true, [[3, 2, 2], [2, 6, 5]]],
    ['amax', false, [[3, 2, 2], [2, 6, 5]]],
    ['amin', true, [[1, 2, 2], [2, 2, 2]]],
    ['amin', false, [[1, 2, 2], [2, 6, 4]]],
  ];
  for (const [reduce, includeSelf, expected] of cases) {
    it(`reduces with ${reduce} (includeSelf ${includeSelf}) like PyTorch`, () => {
      const out = scatterReduce(filled([2, 3], 2), 1, idx, src, reduce as 'sum', { includeSelf }).tolist() as number[][];
      out.flat().forEach((v, i) => expect(v).toBeCloseTo(expected.flat()[i], 5));
    });
  }

  it('works on int32 tensors', () => {
    const out = scatterReduce(tensor([1, 1], { dtype: 'int32' }), 0, i32([0, 0, 1]), tensor([3, 5, 7], { dtype: 'int32' }), 'prod');
    expect(out.tolist()).toEqual([15, 7]);
    expect(out.dtype).toBe('int32');
  });

  it('passes gradcheck for every reduction', () => {
    const x = testTensor([2, 3], { requiresGrad: true });
    const s = testTensor([2, 3], { requiresGrad: true, seed: 5 });
    for (const reduce of ['sum', 'prod', 'mean', 'amax', 'amin'] as const) {
      for (const includeSelf of [true, false]) {
        expect(gradcheck((a, b) => a.scatterReduce(1, idx, b, reduce, { includeSelf }), [x, s])).toBe(true);
      }
    }
  });

  it('has exact prod gradients with zeros', () => {
    const x = tensor([2, 3], { requiresGrad: true });
    const s = tensor([0, 5, 4], { requiresGrad: true });
    scatterReduce(x, 0, i32([0, 0, 1]), s, 'prod').sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 4]);
    expect(s.grad!.tolist()).toEqual([10, 0, 3]);
  });

  it('refuses unknown reductions', () => {
    expect(() => scatterReduce(filled([2], 0), 0, i32([0]), tensor([1]), 'max' as 'amax')).toThrow("scatterReduce: reduce argument must be one of sum, prod, mean, amax, amin (got 'max')");
  });
});
