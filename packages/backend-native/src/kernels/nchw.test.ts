import { describe, expect, it } from 'vitest';
import { nativeUnavailable, randomArray, skipReason, tf } from '../../test/support/backends';
import { NativeKernelError } from '../errors';
import { setNumThreads } from '../threads';
import { DL_KERNELS } from './nchw';

const run = (name: string, inputs: Record<string, tf.Tensor>, attrs: object) => tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[];

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-4, what = ''): void {
  expect(got.length, `${what} length`).toBe(want.length);
  let scale = 0;
  for (let i = 0; i < want.length; i++) if (Number.isFinite(want[i])) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) {
    const ok = Number.isNaN(want[i]) ? Number.isNaN(got[i]) : got[i] === want[i] || Math.abs(got[i] - want[i]) <= tol * Math.max(1, scale);
    if (!ok) expect.fail(`${what} element ${i}: got ${got[i]}, want ${want[i]}`);
  }
}

interface Conv {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: [number, number];
  pad: [number, number, number, number];
  dilations: [number, number];
  groups: number;
}

// Direct loops: y[n, o, oh, ow] = sum over c in o's group, ky, kx.
function refConv(c: Conv, x: Float32Array, w: Float32Array, bias: Float32Array | null) {
  const [N, C, H, W] = c.x;
  const [O, Cg, KH, KW] = c.w;
  const [sh, sw] = c.strides;
  const [pt, pb, pl, pr] = c.pad;
  const [dh, dw] = c.dilations;
  const OH = Math.floor((H + pt + pb - dh * (KH - 1) - 1) / sh) + 1;
  const OW = Math.floor((W + pl + pr - dw * (KW - 1) - 1) / sw) + 1;
  const Og = O / c.groups;
  const y = new Float64Array(N * O * OH * OW);
  const each = (fn: (xi: number, wi: number, yi: number) => void) => {
    for (let n = 0; n < N; n++)
      for (let o = 0; o < O; o++) {
        const g = Math.floor(o / Og);
        for (let oh = 0; oh < OH; oh++)
          for (let ow = 0; ow < OW; ow++)
            for (let ci = 0; ci < Cg; ci++)
              for (let ky = 0; ky < KH; ky++)
                for (let kx = 0; kx < KW; kx++) {
                  const ih = oh * sh - pt + ky * dh;
                  const iw = ow * sw - pl + kx * dw;
                  if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                  fn(((n * C + g * Cg + ci) * H + ih) * W + iw, ((o * Cg + ci) * KH + ky) * KW + kx, ((n * O + o) * OH + oh) * OW + ow);
                }
      }
  };
  each((xi, wi, yi) => (y[yi] += x[xi] * w[wi]));
  if (bias) for (let i = 0; i < y.length; i++) y[i] += bias[Math.floor(i / (OH * OW)) % O];
  return { y, shape: [N, O, OH, OW], each };
}

const CONVS: Conv[] = [
  { x: [2, 3, 7, 6], w: [4, 3, 3, 3], strides: [1, 1], pad: [1, 1, 1, 1], dilations: [1, 1], groups: 1 },
  { x: [3, 4, 9, 8], w: [6, 2, 3, 2], strides: [2, 3], pad: [0, 1, 2, 0], dilations: [1, 1], groups: 2 },
  { x: [2, 4, 9, 9], w: [8, 1, 3, 3], strides: [2, 1], pad: [2, 2, 2, 2], dilations: [2, 2], groups: 4 },
  { x: [2, 5, 5, 5], w: [3, 5, 1, 1], strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1], groups: 1 },
  { x: [2, 6, 7, 7], w: [4, 6, 1, 1], strides: [2, 2], pad: [0, 0, 0, 0], dilations: [1, 1], groups: 1 },
  { x: [1, 2, 4, 5], w: [3, 2, 4, 5], strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1], groups: 1 },
  { x: [5, 3, 12, 10], w: [7, 3, 3, 3], strides: [1, 1], pad: [0, 1, 1, 0], dilations: [1, 2], groups: 1 },
];

describe.skipIf(nativeUnavailable)(`DlConv2dNCHW and its gradients${skipReason}`, () => {
  for (const c of CONVS) {
    for (const strategy of [1, 2]) {
      for (const threads of [1, 2]) {
        it(`x ${c.x}, w ${c.w}, strides ${c.strides}, pad ${c.pad}, dilations ${c.dilations}, groups ${c.groups}, strategy ${strategy}, ${threads} thread(s)`, async () => {
          await tf.setBackend('native');
          setNumThreads(threads);
          const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
          const xv = randomArray(size(c.x), 1);
          const wv = randomArray(size(c.w), 2);
          const bv = randomArray(c.w[0], 3);
          const ref = refConv(c, xv, wv, bv);
          const dyv = randomArray(ref.y.length, 4);
          const dx = new Float64Array(xv.length);
          const dw = new Float64Array(wv.length);
          ref.each((xi, wi, yi) => {
            dx[xi] += dyv[yi] * wv[wi];
            dw[wi] += dyv[yi] * xv[xi];
          });
          const db = new Float64Array(c.w[0]);
          const P = ref.shape[2] * ref.shape[3];
          for (let i = 0; i < dyv.length; i++) db[Math.floor(i / P) % c.w[0]] += dyv[i];
          const attrs = { strides: c.strides, pad: c.pad, dilations: c.dilations, groups: c.groups, strategy };
          tf.tidy(() => {
            const x = tf.tensor4d(xv, c.x);
            const w = tf.tensor4d(wv, c.w);
            const y = run(DL_KERNELS.conv2d, { x, filter: w, bias: tf.tensor1d(bv) }, attrs) as tf.Tensor;
            expect(y.shape).toEqual(ref.shape);
            expectClose(y.dataSync(), ref.y, 1e-5, 'y');
            const dy = tf.tensor4d(dyv, ref.shape as [number, number, number, number]);
            const gx = run(DL_KERNELS.conv2dBackpropInput, { dy, filter: w }, { ...attrs, inputShape: c.x }) as tf.Tensor;
            expectClose(gx.dataSync(), dx, 1e-5, 'dx');
            const [gw, gb] = run(DL_KERNELS.conv2dBackpropFilter, { x, dy }, { ...attrs, filterShape: c.w, withBias: true }) as tf.Tensor[];
            expectClose(gw.dataSync(), dw, 1e-5, 'dw');
            expectClose(gb.dataSync(), db, 1e-5, 'dbias');
          });
          setNumThreads(2);
        });
      }
    }
  }

  it('refuses bad shapes and geometry with a NativeKernelError', async () => {
    await tf.setBackend('native');
    tf.tidy(() => {
      const x = tf.zeros([1, 4, 5, 5]);
      expect(() => run(DL_KERNELS.conv2d, { x, filter: tf.zeros([2, 3, 3, 3]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.conv2d, { x, filter: tf.zeros([2, 4, 7, 7]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.conv2d, { x, filter: tf.zeros([2, 4, 3, 3]) }, { strides: [0, 1] })).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.conv2d, { x: tf.zeros([4, 5, 5]), filter: tf.zeros([2, 4, 3, 3]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.conv2d, { x: tf.zeros([1, 4, 5, 5], 'int32'), filter: tf.zeros([2, 4, 3, 3]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.conv2dBackpropInput, { dy: tf.zeros([1, 2, 4, 4]), filter: tf.zeros([2, 4, 3, 3]) }, { inputShape: [1, 4, 5, 5] })).toThrow(NativeKernelError);
    });
  });
});

// Windows of PyTorch's max_pool2d / avg_pool2d, by direct loops.
function refPool(x: Float32Array, planes: number, H: number, W: number, k: [number, number], s: [number, number], p: [number, number], d: [number, number], ceil: boolean) {
  const out = (size: number, i: number) => {
    let o = Math.floor((size + 2 * p[i] - d[i] * (k[i] - 1) - 1 + (ceil ? s[i] - 1 : 0)) / s[i]) + 1;
    if (ceil && (o - 1) * s[i] >= size + p[i]) o--;
    return o;
  };
  const OH = out(H, 0);
  const OW = out(W, 1);
  const max = new Float32Array(planes * OH * OW);
  const idx = new Int32Array(planes * OH * OW);
  const sum = new Float64Array(planes * OH * OW);
  for (let b = 0; b < planes; b++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++) {
        let best = -Infinity;
        let at = -1;
        let acc = 0;
        for (let i = 0; i < k[0]; i++)
          for (let j = 0; j < k[1]; j++) {
            const h = oh * s[0] - p[0] + i * d[0];
            const w = ow * s[1] - p[1] + j * d[1];
            if (h < 0 || h >= H || w < 0 || w >= W) continue;
            const v = x[(b * H + h) * W + w];
            if (at < 0) at = h * W + w;
            if (v > best || Number.isNaN(v)) {
              best = v;
              at = h * W + w;
            }
            acc += v;
          }
        const o = (b * OH + oh) * OW + ow;
        max[o] = best;
        idx[o] = at;
        sum[o] = acc;
      }
  return { OH, OW, max, idx, sum };
}

describe.skipIf(nativeUnavailable)(`DlMaxPool2dNCHW and DlAvgPool2dNCHW${skipReason}`, () => {
  const CASES: { shape: [number, number, number, number]; k: [number, number]; s: [number, number]; p: [number, number]; d: [number, number]; ceil: boolean }[] = [
    { shape: [2, 3, 8, 8], k: [2, 2], s: [2, 2], p: [0, 0], d: [1, 1], ceil: false },
    { shape: [1, 2, 9, 7], k: [3, 3], s: [2, 2], p: [1, 1], d: [1, 1], ceil: true },
    { shape: [2, 2, 10, 11], k: [3, 2], s: [2, 3], p: [1, 0], d: [2, 3], ceil: true },
    { shape: [1, 1, 5, 5], k: [3, 3], s: [1, 1], p: [1, 1], d: [1, 1], ceil: false },
  ];
  for (const c of CASES) {
    it(`max: ${JSON.stringify(c)}`, async () => {
      await tf.setBackend('native');
      const [N, C, H, W] = c.shape;
      const xv = randomArray(N * C * H * W, 7);
      // Ties: the first maximum in row-major tap order wins.
      for (let i = 0; i < xv.length; i += 5) xv[i] = 0.5;
      const ref = refPool(xv, N * C, H, W, c.k, c.s, c.p, c.d, c.ceil);
      tf.tidy(() => {
        const [y, idx] = run(DL_KERNELS.maxPool2d, { x: tf.tensor4d(xv, c.shape) }, { kernelSize: c.k, strides: c.s, pad: c.p, dilations: c.d, ceilMode: c.ceil }) as tf.Tensor[];
        expect(y.shape).toEqual([N, C, ref.OH, ref.OW]);
        expect(idx.dtype).toBe('int32');
        expectClose(y.dataSync(), ref.max, 0, 'values');
        expect(Array.from(idx.dataSync())).toEqual(Array.from(ref.idx));
        const dyv = randomArray(y.size, 8);
        const want = new Float64Array(xv.length);
        for (let i = 0; i < dyv.length; i++) want[Math.floor(i / (ref.OH * ref.OW)) * H * W + ref.idx[i]] += dyv[i];
        const dx = run(DL_KERNELS.maxPool2dGrad, { dy: tf.tensor(dyv, y.shape), indices: idx }, { inputShape: c.shape }) as tf.Tensor;
        expectClose(dx.dataSync(), want, 1e-6, 'dx');
      });
    });
    if (c.d[0] !== 1 || c.d[1] !== 1) continue;
    it(`avg (count_include_pad false): ${JSON.stringify(c)}`, async () => {
      await tf.setBackend('native');
      const [N, C, H, W] = c.shape;
      const xv = randomArray(N * C * H * W, 9);
      const ref = refPool(xv, N * C, H, W, c.k, c.s, c.p, [1, 1], c.ceil);
      const count = (o: number, size: number, i: number) => {
        const start = o * c.s[i] - c.p[i];
        return Math.min(start + c.k[i], size) - Math.max(start, 0);
      };
      const want = Array.from(ref.sum, (v, i) => v / (count(Math.floor(i / ref.OW) % ref.OH, H, 0) * count(i % ref.OW, W, 1)));
      tf.tidy(() => {
        const attrs = { kernelSize: c.k, strides: c.s, pad: c.p, ceilMode: c.ceil, countIncludePad: false };
        const y = run(DL_KERNELS.avgPool2d, { x: tf.tensor4d(xv, c.shape) }, attrs) as tf.Tensor;
        expectClose(y.dataSync(), want, 1e-6, 'avg');
        // The gradient is the adjoint: <avg(x), dy> = <x, grad(dy)>.
        const dyv = randomArray(y.size, 10);
        const dx = (run(DL_KERNELS.avgPool2dGrad, { dy: tf.tensor(dyv, y.shape) }, { ...attrs, inputShape: c.shape }) as tf.Tensor).dataSync();
        let lhs = 0;
        let rhs = 0;
        for (let i = 0; i < dyv.length; i++) lhs += want[i] * dyv[i];
        for (let i = 0; i < xv.length; i++) rhs += xv[i] * dx[i];
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-4);
      });
    });
  }

  it('propagates NaN like PyTorch, and takes explicit window tables', async () => {
    await tf.setBackend('native');
    tf.tidy(() => {
      const x = tf.tensor4d([1, NaN, 3, 4], [1, 1, 2, 2]);
      const [y, idx] = run(DL_KERNELS.maxPool2d, { x }, { kernelSize: [2, 2] }) as tf.Tensor[];
      expect(Number.isNaN(y.dataSync()[0])).toBe(true);
      expect(idx.dataSync()[0]).toBe(1);
      // Adaptive windows of 5 -> 2: [0, 3) and [2, 5), -1 marks no tap.
      const z = tf.tensor3d([1, 5, 2, 4, 3], [1, 1, 5]);
      const [a, ai] = run(DL_KERNELS.maxPool2d, { x: z }, { rows: Int32Array.of(0), cols: Int32Array.of(0, 1, 2, 2, 3, 4), kh: 1, kw: 3 }) as tf.Tensor[];
      expect(Array.from(a.dataSync())).toEqual([5, 4]);
      expect(Array.from(ai.dataSync())).toEqual([1, 3]);
    });
  });

  it('refuses out-of-range indices and bad tables with a NativeKernelError', async () => {
    await tf.setBackend('native');
    tf.tidy(() => {
      const dy = tf.ones([1, 1, 2, 2]);
      expect(() => run(DL_KERNELS.maxPool2dGrad, { dy, indices: tf.tensor4d([0, 1, 2, 16], [1, 1, 2, 2], 'int32') }, { inputShape: [1, 1, 4, 4] })).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.maxPool2dGrad, { dy, indices: tf.tensor4d([0, 1, 2, -1], [1, 1, 2, 2], 'int32') }, { inputShape: [1, 1, 4, 4] })).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.maxPool2d, { x: tf.ones([1, 1, 4, 4]) }, { rows: Int32Array.of(0, 1, 2), cols: Int32Array.of(0, 1), kh: 2, kw: 2 })).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.avgPool2d, { x: tf.ones([1, 1, 4, 4]) }, { rows: Int32Array.of(0, 1), cols: Int32Array.of(0, 1), kh: 2, kw: 2 })).toThrow(NativeKernelError);
      // Taps far outside the plane read nothing.
      const [y] = run(DL_KERNELS.maxPool2d, { x: tf.ones([1, 1, 2, 2]) }, { rows: Int32Array.of(-100, 1), cols: Int32Array.of(5, 0), kh: 2, kw: 2 }) as tf.Tensor[];
      expect(Array.from(y.dataSync())).toEqual([1]);
    });
  });
});

describe.skipIf(nativeUnavailable)(`DlBatchNormTrain and its gradient${skipReason}`, () => {
  for (const shape of [[4, 3, 5, 6], [6, 5], [3, 4, 7]]) {
    it(`matches the definition for [${shape}]`, async () => {
      await tf.setBackend('native');
      const [N, C] = shape;
      const S = shape.slice(2).reduce((a, b) => a * b, 1);
      const xv = randomArray(N * C * S, 11).map((v) => v * 3 + 1);
      const wv = randomArray(C, 12);
      const bv = randomArray(C, 13);
      const dyv = randomArray(xv.length, 14);
      const eps = 1e-5;
      const M = N * S;
      const at = (n: number, c: number, s: number) => (n * C + c) * S + s;
      const y = new Float64Array(xv.length);
      const dx = new Float64Array(xv.length);
      const mean = new Float64Array(C);
      const variance = new Float64Array(C);
      const dw = new Float64Array(C);
      const db = new Float64Array(C);
      for (let c = 0; c < C; c++) {
        let m = 0;
        for (let n = 0; n < N; n++) for (let s = 0; s < S; s++) m += xv[at(n, c, s)];
        m /= M;
        let v = 0;
        for (let n = 0; n < N; n++) for (let s = 0; s < S; s++) v += (xv[at(n, c, s)] - m) ** 2;
        v /= M;
        mean[c] = m;
        variance[c] = v;
        const is = 1 / Math.sqrt(v + eps);
        let sdy = 0;
        let sdyx = 0;
        for (let n = 0; n < N; n++)
          for (let s = 0; s < S; s++) {
            const xh = (xv[at(n, c, s)] - m) * is;
            y[at(n, c, s)] = xh * wv[c] + bv[c];
            sdy += dyv[at(n, c, s)];
            sdyx += dyv[at(n, c, s)] * xh;
          }
        dw[c] = sdyx;
        db[c] = sdy;
        for (let n = 0; n < N; n++)
          for (let s = 0; s < S; s++) {
            const xh = (xv[at(n, c, s)] - m) * is;
            dx[at(n, c, s)] = wv[c] * is * (dyv[at(n, c, s)] - sdy / M - (xh * sdyx) / M);
          }
      }
      tf.tidy(() => {
        const x = tf.tensor(xv, shape);
        const [out, gm, gv, gi] = run(DL_KERNELS.batchNormTrain, { x, weight: tf.tensor1d(wv), bias: tf.tensor1d(bv) }, { eps }) as tf.Tensor[];
        expectClose(out.dataSync(), y, 1e-5, 'y');
        expectClose(gm.dataSync(), mean, 1e-5, 'mean');
        expectClose(gv.dataSync(), variance, 1e-5, 'variance');
        const [gx, gw, gb] = run(DL_KERNELS.batchNormTrainGrad, { dy: tf.tensor(dyv, shape), x, mean: gm, invstd: gi, weight: tf.tensor1d(wv) }, {}) as tf.Tensor[];
        expectClose(gx.dataSync(), dx, 1e-4, 'dx');
        expectClose(gw.dataSync(), dw, 1e-4, 'dweight');
        expectClose(gb.dataSync(), db, 1e-4, 'dbias');
      });
    });
  }

  it('refuses mismatched parameters with a NativeKernelError', async () => {
    await tf.setBackend('native');
    tf.tidy(() => {
      expect(() => run(DL_KERNELS.batchNormTrain, { x: tf.ones([2, 3, 4]), weight: tf.ones([4]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.batchNormTrain, { x: tf.ones([3]) }, {})).toThrow(NativeKernelError);
      expect(() => run(DL_KERNELS.batchNormTrainGrad, { dy: tf.ones([2, 3]), x: tf.ones([2, 3]), mean: tf.ones([2]), invstd: tf.ones([3]) }, {})).toThrow(NativeKernelError);
    });
  });
});
