import { describe, expect, it } from 'vitest';
import { expectSameAsCpu, nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';

const t = (shape: number[], seed: number, scale = 3) => tf.tensor(randomArray(shape.reduce((a, b) => a * b, 1), seed).map((v) => v * scale), shape);

// Pairs of shapes that broadcast: equal, scalar, row, column, both ways, rank 6, large.
const PAIRS: [number[], number[]][] = [
  [[1], [1]],
  [[5, 7], [5, 7]],
  [[5, 7], []],
  [[], [4, 3]],
  [[64, 10], [10]],
  [[64, 10], [64, 1]],
  [[3, 1, 5], [1, 4, 1]],
  [[2, 1, 3, 1, 2, 4], [2, 3, 3, 1, 2, 1]],
  [[300, 257], [257]],
  [[4, 0, 3], [3]],
];

describe.skipIf(nativeUnavailable)(`binary kernels${skipReason}`, () => {
  const ops: [string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor][] = [
    ['Add', tf.add], ['Sub', tf.sub], ['Multiply', tf.mul], ['RealDiv', tf.div], ['Maximum', tf.maximum], ['Minimum', tf.minimum],
    ['SquaredDifference', tf.squaredDifference], ['Greater', tf.greater], ['GreaterEqual', tf.greaterEqual], ['Less', tf.less],
    ['LessEqual', tf.lessEqual], ['Equal', tf.equal], ['NotEqual', tf.notEqual],
  ];
  for (const [name, op] of ops) {
    it(`${name} matches the cpu backend on broadcasting shapes`, async () => {
      for (const [sa, sb] of PAIRS) await expectSameAsCpu(() => op(t(sa, 1), t(sb, 2)));
    });
  }

  it('propagates NaN through Maximum and Minimum, and compares NaN as false', async () => {
    const a = [NaN, 1, 2, NaN, -Infinity];
    const b = [0, NaN, 2, NaN, Infinity];
    await expectSameAsCpu(() => [tf.maximum(a, b), tf.minimum(a, b), tf.greater(a, b), tf.equal(a, b), tf.notEqual(a, b), tf.div(a, [0, 0, 0, 1, 0])]);
  });

  it('leaves int32 operands to the cpu kernels', async () => {
    await expectSameAsCpu(() => [tf.add(tf.tensor([1, 2, 3], [3], 'int32'), tf.tensor([4], [1], 'int32')), tf.greater(tf.tensor([1, 5], [2], 'int32'), tf.tensor([2, 2], [2], 'int32'))]);
  });
});

describe.skipIf(nativeUnavailable)(`unary kernels${skipReason}`, () => {
  const special = [0, -0, 1, -1, 0.5, -2.5, 30, -30, 88, -100, NaN, Infinity, -Infinity, 1e-8];
  const ops: [string, (x: tf.Tensor) => tf.Tensor][] = [
    ['Relu', tf.relu], ['Relu6', tf.relu6], ['Elu', tf.elu], ['LeakyRelu', (x) => tf.leakyRelu(x, 0.1)], ['Sigmoid', tf.sigmoid],
    ['Exp', tf.exp], ['Log', tf.log], ['Neg', tf.neg], ['Sqrt', tf.sqrt], ['Rsqrt', tf.rsqrt], ['Square', tf.square], ['Abs', tf.abs],
    ['Tanh', tf.tanh], ['Reciprocal', tf.reciprocal], ['Step', (x) => tf.step(x, 0.25)], ['Softplus', tf.softplus], ['Log1p', tf.log1p],
    ['Expm1', tf.expm1], ['Sin', tf.sin], ['Cos', tf.cos], ['Floor', tf.floor], ['Ceil', tf.ceil], ['Sign', tf.sign],
  ];
  for (const [name, op] of ops) {
    it(`${name} matches the cpu backend, special values included`, async () => {
      await expectSameAsCpu(() => [op(tf.tensor(special)), op(t([70000], 3, 5)), op(t([3, 0], 4))], 2e-6, 1e-6);
    });
  }
});

describe.skipIf(nativeUnavailable)(`reductions${skipReason}`, () => {
  const CASES: [number[], number | number[] | undefined][] = [
    [[7], 0],
    [[5, 9], 1],
    [[5, 9], 0],
    [[5, 9], undefined],
    [[2, 3, 4, 5], [1, 2]],
    [[2, 3, 4, 5], [0, 2]],
    [[2, 3, 4, 5], [3, 0]],
    [[2, 1, 4, 1], [1, 2]],
    [[1000, 300], 0],
    [[300, 1000], 1],
  ];
  const ops: [string, (x: tf.Tensor, axis: number | number[] | undefined, keep: boolean) => tf.Tensor][] = [
    ['Sum', tf.sum], ['Mean', tf.mean], ['Max', tf.max], ['Min', tf.min], ['Prod', tf.prod],
  ];
  for (const [name, op] of ops) {
    it(`${name} matches the cpu backend over every axis pattern, with and without keepDims`, async () => {
      for (const [shape, axis] of CASES) {
        const scale = name === 'Prod' ? 1.2 : 3;
        await expectSameAsCpu(() => [op(t(shape, 5, scale), axis, false), op(t(shape, 6, scale), axis, true)], 1e-5, 1e-5);
      }
    });
  }

  it('ArgMax and ArgMin match the cpu backend (ties go to the first, NaN is never picked)', async () => {
    for (const [shape, axis] of CASES) if (typeof axis === 'number') await expectSameAsCpu(() => [tf.argMax(t(shape, 7), axis), tf.argMin(t(shape, 8), axis)]);
    await expectSameAsCpu(() => [tf.argMax([1, 3, 3, NaN], 0), tf.argMin([NaN, 2, 2, 5], 0), tf.max([1, NaN, 3]), tf.min([[1, 2], [NaN, 0]], 1)]);
  });

  it('Softmax over the last axis matches the cpu backend', async () => {
    await expectSameAsCpu(() => [tf.softmax(t([64, 10], 9, 20)), tf.softmax(t([3, 4, 1000], 10, 50)), tf.softmax(tf.tensor([[-Infinity, 0, 1], [1000, 1000, -1000]]))], 1e-5, 1e-7);
  });
});

describe.skipIf(nativeUnavailable)(`copies: Transpose, Slice, PadV2, Concat${skipReason}`, () => {
  it('Transpose matches the cpu backend for every permutation of rank 4, and large 2-D blocks', async () => {
    const perms = [[0, 1, 2, 3], [3, 2, 1, 0], [0, 2, 3, 1], [0, 3, 1, 2], [1, 0, 3, 2], [2, 0, 1, 3]];
    for (const perm of perms) await expectSameAsCpu(() => [tf.transpose(t([2, 3, 4, 5], 11), perm), tf.transpose(tf.tensor(Int32Array.from({ length: 120 }, (_, i) => i), [2, 3, 4, 5], 'int32'), perm)]);
    // Short contiguous innermost axes (copied as wider elements): floats, ints and bools.
    const ints = (shape: number[], dtype: 'int32' | 'bool') => tf.tensor(Int32Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => (dtype === 'bool' ? i % 3 : i)), shape, dtype);
    await expectSameAsCpu(() => [tf.transpose(t([6, 3, 4, 2, 2], 24), [0, 1, 3, 2, 4]), tf.transpose(t([5, 3, 2, 4, 2], 25), [0, 3, 2, 1, 4]), tf.transpose(ints([3, 5, 2, 2], 'int32'), [1, 0, 2, 3]), tf.transpose(ints([3, 5, 4, 8], 'bool'), [1, 0, 2, 3]), tf.transpose(ints([3, 5, 3, 2], 'bool'), [1, 0, 2, 3])]);
    await expectSameAsCpu(() => [tf.transpose(t([513, 300], 12)), tf.transpose(t([64, 26, 26, 32], 13), [3, 1, 2, 0]), tf.transpose(tf.tensor([true, false, true, true, false, false], [2, 3], 'bool'))]);
  });

  it('Slice matches the cpu backend on strided and contiguous cases', async () => {
    await expectSameAsCpu(() => [tf.slice(t([5, 6, 7], 14), [1, 2, 3], [3, 2, 4]), tf.slice(t([5, 6, 7], 15), [2, 0, 0], [2, -1, -1]), tf.slice(t([4, 9], 16), [0, 8], [4, 1])]);
  });

  it('PadV2 matches the cpu backend with zero and other constants', async () => {
    await expectSameAsCpu(() => [tf.pad(t([2, 3, 4], 17), [[0, 1], [2, 0], [1, 1]]), tf.pad(t([3, 3], 18), [[1, 1], [1, 1]], -Infinity), tf.pad(tf.tensor([1, 2], [2], 'int32'), [[2, 3]], 7)]);
  });

  it('Concat matches the cpu backend along each axis, with empty parts', async () => {
    for (const axis of [0, 1, 2]) await expectSameAsCpu(() => tf.concat([t([2, 3, 4], 19), t([2, 3, 4], 20), t([2, 3, 4], 21)], axis));
    await expectSameAsCpu(() => [tf.concat([t([2, 0], 22), t([2, 3], 23)], 1), tf.concat([tf.tensor([1], [1], 'int32'), tf.tensor([2, 3], [2], 'int32')])]);
  });
});

describe.skipIf(nativeUnavailable)(`Cast${skipReason}`, () => {
  it('casts int32 and bool to float32 storage of its own, with the values of the cpu backend', async () => {
    await expectSameAsCpu(() => [tf.cast(tf.tensor([1, -2, 3], [3], 'int32'), 'float32'), tf.cast(tf.tensor([true, false], [2], 'bool'), 'float32'), tf.cast(tf.tensor([1.5, -2.7, 0]), 'int32'), tf.cast(tf.tensor([0, NaN, 2]), 'bool')]);
    await tf.setBackend('native');
    const f = tf.cast(tf.greater(tf.tensor([1, -1]), 0), 'float32');
    const values = (tf.backend() as unknown as { data: { get(id: object): { values: unknown } } }).data.get(f.dataId).values;
    if (!(values instanceof Float32Array)) throw new Error(`expected Float32Array storage, got ${(values as object).constructor.name}`);
  });

  it('multiplies by a float32 view of a bool tensor (shared storage) like the cpu backend', async () => {
    await expectSameAsCpu(() => {
      const mask = tf.greater(tf.tensor([1, -1, 2]), 0);
      const shared = tf.engine().runKernel('Cast', { x: mask }, { dtype: 'float32' }) as tf.Tensor;
      return tf.mul(tf.tensor([5, 6, 7]), shared);
    });
  });
});

describe.skipIf(nativeUnavailable)(`GatherV2${skipReason}`, () => {
  it('gathers along each axis like the cpu backend (floats, ints, bools, repeated indices)', async () => {
    const idx = tf.tensor([2, 0, 2, 1], [2, 2], 'int32');
    for (const axis of [0, 1, 2]) await expectSameAsCpu(() => tf.gather(t([3, 3, 3], 26), idx, axis));
    await expectSameAsCpu(() => [tf.gather(tf.tensor([5, 6, 7], [3], 'int32'), tf.tensor([2, 2, 0], [3], 'int32')), tf.gather(tf.tensor([true, false], [2], 'bool'), tf.tensor([1, 0, 1], [3], 'int32')), tf.gather(t([4, 5], 27), tf.tensor([], [0], 'int32'), 1)]);
  });

  it('leaves out-of-range indices to the cpu kernel, which throws', async () => {
    await tf.setBackend('native');
    expect(() => tf.gather(tf.tensor([1, 2, 3]), tf.tensor([3], [1], 'int32'))).toThrow(/not in \[0, 2\]/);
  });
});
