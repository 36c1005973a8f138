import { describe, it } from 'vitest';
import { expectSameAsCpu, nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';
import { setNumThreads } from '../index';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
  dilations?: [number, number];
}

// NHWC inputs, HWIO filters: 1x1 (the GEMM shortcut), strided, padded (same, explicit, uneven),
// dilated, a filter as large as the input, many tiles (batch 9 x 30 x 30).
const CASES: Case[] = [
  { x: [1, 1, 1, 1], f: [1, 1, 1, 1], strides: [1, 1], pad: 'valid' },
  { x: [2, 5, 5, 3], f: [1, 1, 3, 4], strides: [1, 1], pad: 'valid' },
  { x: [2, 7, 6, 3], f: [3, 3, 3, 5], strides: [1, 1], pad: 'same' },
  { x: [3, 9, 8, 2], f: [3, 2, 2, 7], strides: [2, 3], pad: 'valid' },
  { x: [1, 8, 8, 4], f: [3, 3, 4, 6], strides: [2, 2], pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { x: [2, 9, 9, 3], f: [3, 3, 3, 4], strides: [1, 1], pad: 'same', dilations: [2, 2] },
  { x: [1, 4, 5, 2], f: [4, 5, 2, 3], strides: [1, 1], pad: 'valid' },
  { x: [9, 30, 30, 5], f: [3, 3, 5, 17], strides: [1, 1], pad: 1 },
  { x: [2, 11, 11, 6], f: [1, 1, 6, 8], strides: [2, 2], pad: 'valid' },
];

const input = (c: Case, seed: number) => tf.tensor4d(randomArray(c.x.reduce((a, b) => a * b), seed), c.x);
const filter = (c: Case, seed: number) => tf.tensor4d(randomArray(c.f.reduce((a, b) => a * b), seed), c.f);
const label = (c: Case) => `x ${c.x}, filter ${c.f}, strides ${c.strides}, pad ${JSON.stringify(c.pad)}${c.dilations ? `, dilations ${c.dilations}` : ''}`;

describe.skipIf(nativeUnavailable)(`Conv2D and its gradients${skipReason}`, () => {
  for (const c of CASES) {
    it(`forward matches the cpu backend: ${label(c)}`, async () => {
      await expectSameAsCpu(() => tf.conv2d(input(c, 1), filter(c, 2), c.strides, c.pad as 'same', 'NHWC', c.dilations ?? 1));
    });
    if (c.dilations) continue;
    it(`input and filter gradients match the cpu backend: ${label(c)}`, async () => {
      await expectSameAsCpu(() => {
        const x = input(c, 3);
        const f = filter(c, 4);
        const y = tf.conv2d(x, f, c.strides, c.pad as 'same');
        const dy = tf.tensor4d(randomArray(y.size, 5), y.shape as [number, number, number, number]);
        return [
          tf.conv2dTranspose(dy, f, c.x, c.strides, c.pad as 'same'),
          tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.f }) as tf.Tensor,
        ];
      }, 1e-5, 1e-5);
    });
  }

  it('fuses the bias and each activation into the forward convolution', async () => {
    const c = CASES[3];
    for (const activation of ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'] as const) {
      await expectSameAsCpu(() => tf.fused.conv2d({ x: input(c, 6), filter: filter(c, 7), strides: c.strides, pad: 'same', bias: tf.tensor1d(randomArray(c.f[3], 8)), activation, leakyreluAlpha: 0.3 }));
    }
  });

  it('gives the same results on one thread and on several', async () => {
    const c = CASES[7];
    try {
      for (const threads of [1, 2, 4]) {
        setNumThreads(threads);
        await expectSameAsCpu(() => {
          const x = input(c, 9);
          const f = filter(c, 10);
          const dy = tf.tensor4d(randomArray(9 * 30 * 30 * 17, 11), [9, 30, 30, 17]);
          return [tf.conv2d(x, f, 1, 1), tf.conv2dTranspose(dy, f, c.x, 1, 1), tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 1, dataFormat: 'NHWC', filterShape: c.f }) as tf.Tensor];
        }, 1e-5, 1e-5);
      }
    } finally {
      setNumThreads(2);
    }
  });

  it('leaves NCHW to the cpu kernel, with the same results', async () => {
    await expectSameAsCpu(() => tf.conv2d(tf.tensor4d(randomArray(2 * 3 * 6 * 6, 12), [2, 3, 6, 6]), tf.tensor4d(randomArray(3 * 3 * 3 * 4, 13), [3, 3, 3, 4]), 1, 'same', 'NCHW'));
  });
});

describe.skipIf(nativeUnavailable)(`MaxPool, AvgPool and their gradients${skipReason}`, () => {
  const POOLS: { x: [number, number, number, number]; size: [number, number]; strides: [number, number]; pad: 'same' | 'valid' | number }[] = [
    { x: [1, 1, 1, 1], size: [1, 1], strides: [1, 1], pad: 'valid' },
    { x: [2, 6, 6, 3], size: [2, 2], strides: [2, 2], pad: 'valid' },
    { x: [2, 7, 5, 4], size: [3, 3], strides: [2, 2], pad: 'same' },
    { x: [3, 9, 8, 5], size: [3, 2], strides: [1, 2], pad: 1 },
  ];
  for (const p of POOLS) {
    it(`match the cpu backend: x ${p.x}, window ${p.size}, strides ${p.strides}, pad ${p.pad}`, async () => {
      await expectSameAsCpu(() => {
        const x = tf.tensor4d(randomArray(p.x.reduce((a, b) => a * b), 14), p.x);
        const mx = tf.maxPool(x, p.size, p.strides, p.pad as 'same');
        const av = tf.avgPool(x, p.size, p.strides, p.pad as 'same');
        const dy = tf.tensor4d(randomArray(mx.size, 15), mx.shape);
        const attrs = { filterSize: p.size, strides: p.strides, pad: p.pad };
        return [
          mx,
          av,
          tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: mx }, attrs) as tf.Tensor,
          tf.engine().runKernel('AvgPoolGrad', { dy, input: x }, attrs) as tf.Tensor,
        ];
      });
    });
  }

  it('keeps tfjs rules on ties and NaN: the first maximum gets the gradient, NaN never wins', async () => {
    await expectSameAsCpu(() => {
      const x = tf.tensor4d([1, 1, NaN, 0, 2, 2, NaN, NaN], [1, 2, 4, 1]);
      const y = tf.maxPool(x, 2, 2, 'valid');
      return [y, tf.engine().runKernel('MaxPoolGrad', { dy: tf.onesLike(y), input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor];
    });
  });
});
