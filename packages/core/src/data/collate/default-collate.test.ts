import { describe, expect, expectTypeOf, it } from 'vitest';
import '../../index';
import { tensor } from '../../ops/creation/tensor';
import { Tensor } from '../../tensor/tensor';
import { CollateError } from '../errors/collate-error';
import { torchData } from '../../../test/support/torch-data';
import { defaultCollate } from './default-collate';

describe('defaultCollate', () => {
  it('turns numbers, fractions and booleans into 1-D tensors with PyTorch dtypes', () => {
    const [ints, floats, bools, strs] = defaultCollate([
      [1, 2.5, true, 'a'],
      [3, 4.0, false, 'b'],
    ] as [number, number, boolean, string][]);
    const ref = torchData.collate_scalars;
    expect(ref.dtypes).toEqual(['torch.int64', 'torch.float64', 'torch.bool']);
    expect([ints.dtype, floats.dtype, bools.dtype]).toEqual(['int32', 'float32', 'bool']);
    expect([ints.tolist(), floats.tolist(), bools.tolist(), strs]).toEqual(ref.values);
  });

  it('makes float32 when any number has a fraction, int32 from bigints', () => {
    const f = defaultCollate([3_000_000_000, 0.5]);
    expect(f.dtype).toBe('float32');
    expect(f.tolist()).toEqual([3_000_000_000, 0.5]);
    const b = defaultCollate([1n, -2n]);
    expect([b.dtype, b.tolist()]).toEqual(['int32', [1, -2]]);
  });

  it('stacks tensors along a new first dimension, promoting dtypes', () => {
    const batch = defaultCollate([tensor([1, 2, 3]), tensor([4, 5, 6], { dtype: 'int32' })]);
    expect(batch.shape).toEqual([2, 3]);
    expect(batch.dtype).toBe('float32');
    expect(batch.tolist()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const scalars = defaultCollate([tensor(1), tensor(2)]);
    expect(scalars.shape).toEqual([2]);
  });

  it('stacks typed arrays like NumPy arrays', () => {
    const f = defaultCollate([Float32Array.of(1, 2), Float32Array.of(3, 4)]);
    expect(f.shape).toEqual([2, 2]);
    expect(f.dtype).toBe('float32');
    const i = defaultCollate([Uint8Array.of(1, 2), Uint8Array.of(3, 255)]);
    expect(i.dtype).toBe('int32');
    expect(i.tolist()).toEqual([
      [1, 2],
      [3, 255],
    ]);
  });

  it('collates arrays per position, as PyTorch does lists', () => {
    const [x, y] = defaultCollate([
      [[1, 2], 0],
      [[3, 4], 1],
    ] as [number[], number][]);
    expect(x.map((t) => t.tolist())).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(y.tolist()).toEqual([0, 1]);
  });

  it('collates plain objects and Maps per key', () => {
    const obj = defaultCollate([
      { image: tensor([1, 1]), label: 0, name: 'a' },
      { image: tensor([2, 2]), label: 1, name: 'b' },
    ]);
    expect(obj.image.shape).toEqual([2, 2]);
    expect(obj.label.tolist()).toEqual([0, 1]);
    expect(obj.name).toEqual(['a', 'b']);
    const map = defaultCollate([new Map([['x', 1]]), new Map([['x', 2]])]);
    expect(map.get('x')?.tolist()).toEqual([1, 2]);
  });

  it('keeps autograd when items require grad', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    const batch = defaultCollate([a, b]);
    batch.mul(batch).sum().backward();
    expect(a.grad?.tolist()).toEqual([2, 4]);
  });

  it('types the batch from the item type', () => {
    const batch = defaultCollate([[tensor([1]), 1, 'a', { k: true }]] as [Tensor, number, string, { k: boolean }][]);
    expectTypeOf(batch).toEqualTypeOf<[Tensor, Tensor, string[], { k: Tensor }]>();
  });

  it('names the type, position and path of what it cannot batch', () => {
    const bad = (batch: unknown[], message: string) => {
      expect(() => defaultCollate(batch)).toThrow(CollateError);
      expect(() => defaultCollate(batch)).toThrow(message);
    };
    bad([], 'defaultCollate: the batch is empty');
    bad([null], 'defaultCollate: batch must contain tensors, typed arrays, numbers, booleans, strings, arrays, plain objects or Maps; found null at batch position 0');
    bad([[1, 2], [1, undefined]], 'found undefined at batch position 1 (at item[1])');
    bad([{ f: () => 1 }, { f: () => 2 }], 'found a function at batch position 0 (at item.f)');
    bad([new Date(0), new Date(1)], 'found an instance of Date at batch position 0');
    bad([{ x: 1 }, { x: 'a' }], "defaultCollate: cannot batch a number (1) at batch position 0 with a string at batch position 1 (at item.x)");
    bad([tensor([1, 2]), tensor([1, 2]), tensor([1, 2, 3])], 'defaultCollate: stack expects each tensor to be equal size, but got [2] at batch position 0 and [3] at batch position 2');
    bad([Float32Array.of(1), Float32Array.of(1, 2)], 'defaultCollate: stack expects each array to be equal size, but got length 1 at batch position 0 and length 2 at batch position 1');
    bad([[1, 2], [1]], 'defaultCollate: each element in list of batch should be of equal size, but batch position 0 has 2 elements and batch position 1 has 1');
    bad([{ a: 1, b: 2 }, { a: 1 }], "defaultCollate: key 'b' is missing at batch position 1 (batch position 0 has it)");
    bad([new Map([['k', 1]]), new Map()], 'defaultCollate: key "k" is missing at batch position 1 (batch position 0 has it)');
    bad([3_000_000_000, 1], 'defaultCollate: the integer 3000000000 at batch position 0 does not fit int32');
    bad([1, 2n ** 40n], 'defaultCollate: the integer 1099511627776 at batch position 1 does not fit int32');
    bad(7 as unknown as unknown[], 'defaultCollate: expected the batch to be an array of items, got a number (7)');
  });
});
