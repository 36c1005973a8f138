import { describe, it } from 'vitest';
import { setBlas, setNumThreads } from '../index';
import { expectSameAsCpu, nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';
import { loadNativeAddon } from '../addon/load-addon';

// [batchA, batchB, m, k, n]: 1x1, sizes off every block size (6, 16, 256, 480), one row, one
// column, a contraction of 1, batches that broadcast.
const SHAPES: [number, number, number, number, number][] = [
  [1, 1, 1, 1, 1],
  [1, 1, 7, 13, 5],
  [1, 1, 97, 131, 67],
  [1, 1, 1, 300, 17],
  [1, 1, 300, 1, 17],
  [1, 1, 64, 784, 128],
  [1, 1, 481, 257, 33],
  [3, 3, 5, 9, 18],
  [4, 1, 33, 20, 7],
  [1, 4, 6, 16, 40],
];

function operand(batch: number, rows: number, cols: number, transposed: boolean, seed: number): tf.Tensor {
  const shape = transposed ? [batch, cols, rows] : [batch, rows, cols];
  return tf.tensor(randomArray(batch * rows * cols, seed), shape);
}

describe.skipIf(nativeUnavailable)(`BatchMatMul${skipReason}`, () => {
  for (const [ba, bb, m, k, n] of SHAPES) {
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      it(`matches the cpu backend for [${ba}, ${m}, ${k}] x [${bb}, ${k}, ${n}], transposeA ${ta}, transposeB ${tb}`, async () => {
        await expectSameAsCpu(() => tf.matMul(operand(ba, m, k, ta, 1), operand(bb, k, n, tb, 2), ta, tb));
      });
    }
  }

  it('multiplies rank-2 and rank-4 operands (outer dimensions broadcast)', async () => {
    await expectSameAsCpu(() => tf.matMul(tf.tensor(randomArray(2 * 3 * 4 * 5, 3), [2, 3, 4, 5]), tf.tensor(randomArray(5 * 6, 4), [5, 6])));
    await expectSameAsCpu(() => tf.matMul(tf.tensor(randomArray(20, 5), [4, 5]), tf.tensor(randomArray(2 * 3 * 5 * 2, 6), [2, 3, 5, 2])));
  });

  it('gives zeros for an empty contraction and empty results for empty outputs', async () => {
    await expectSameAsCpu(() => tf.matMul(tf.zeros([3, 0]), tf.zeros([0, 4])));
    await expectSameAsCpu(() => tf.matMul(tf.zeros([0, 5]), tf.ones([5, 4])));
  });

  it('gives the same results with the built-in kernel, the system BLAS, each instruction set and thread count', async () => {
    const addon = loadNativeAddon();
    const detected = addon.info().detectedIsa;
    const isas = (['generic', 'avx2', 'avx512'] as const).filter((i) => i === 'generic' || i === detected || (i === 'avx2' && detected === 'avx512'));
    try {
      for (const blas of ['builtin', 'auto']) {
        setBlas(blas);
        for (const isa of isas) {
          addon.setIsa(isa);
          for (const threads of [1, 2, 3]) {
            setNumThreads(threads);
            await expectSameAsCpu(() => tf.matMul(operand(1, 97, 131, false, 7), operand(1, 131, 67, true, 8), false, true));
            await expectSameAsCpu(() => tf.matMul(operand(5, 13, 40, true, 9), operand(1, 40, 21, false, 10), true, false));
          }
        }
      }
    } finally {
      addon.setIsa(detected);
      setNumThreads(addon.info().defaultThreads);
      setBlas('auto');
    }
  });

  it('splits large products over threads by rows and by columns, with the same results', async () => {
    // Products split only above ~20 MFLOP per thread: 400x500x160 (64 MFLOP, by rows) and
    // 64x700x1000 (90 MFLOP, by columns), through the built-in kernel and the system BLAS.
    try {
      for (const blas of ['builtin', 'auto']) {
        setBlas(blas);
        for (const threads of [2, 3]) {
          setNumThreads(threads);
          await expectSameAsCpu(() => tf.matMul(operand(1, 400, 500, false, 31), operand(1, 500, 160, false, 32)));
          await expectSameAsCpu(() => tf.matMul(operand(1, 64, 700, false, 33), operand(1, 700, 1000, true, 34), false, true));
        }
      }
    } finally {
      setNumThreads(loadNativeAddon().info().defaultThreads);
      setBlas('auto');
    }
  });
});

describe.skipIf(nativeUnavailable)(`_FusedMatMul (Linear)${skipReason}`, () => {
  for (const activation of ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'] as const) {
    it(`adds the bias over the last axis and applies ${activation}`, async () => {
      await expectSameAsCpu(() =>
        tf.fused.matMul({ a: tf.reshape(operand(1, 33, 70, false, 11), [33, 70]), b: tf.reshape(operand(1, 70, 19, true, 12), [19, 70]), transposeB: true, bias: tf.tensor(randomArray(19, 13)), activation, leakyreluAlpha: 0.1 }),
      );
    });
  }

  it('takes a bias of shape [1, n], and no bias at all', async () => {
    await expectSameAsCpu(() => tf.fused.matMul({ a: operand(2, 5, 6, false, 14), b: operand(2, 6, 7, false, 15), bias: tf.tensor(randomArray(7, 16), [1, 7]), activation: 'relu' }));
    await expectSameAsCpu(() => tf.fused.matMul({ a: operand(1, 5, 6, true, 17), b: operand(1, 6, 7, false, 18), transposeA: true }));
  });

  it('leaves other bias shapes and prelu to the cpu kernel, with the same results', async () => {
    await expectSameAsCpu(() => tf.fused.matMul({ a: operand(1, 5, 6, false, 19), b: operand(1, 6, 7, false, 20), bias: tf.tensor(randomArray(5, 21), [5, 1]) }));
    await expectSameAsCpu(() => tf.fused.matMul({ a: operand(1, 5, 6, false, 22), b: operand(1, 6, 7, false, 23), activation: 'prelu', preluActivationWeights: tf.tensor(randomArray(7, 24)) }));
  });
});
