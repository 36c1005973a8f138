// The fused softmax cross entropy (`DlSoftmaxCrossEntropy` and its gradient) against direct
// loops in double precision: (C), (N, C) and (N, C, d1, d2) logits, with and without class
// weights, label smoothing coefficients and ignored positions, reduced or per position, on one
// thread and split over two; and the checks that refuse bad inputs before the addon runs.
import { describe, expect, it } from 'vitest';
import { nativeUnavailable, random, randomArray, skipReason, tf } from '../../test/support/backends';
import { NativeKernelError } from '../errors';
import { setNumThreads } from '../threads';
import { DL_KERNELS } from './nchw';

const run = (name: string, inputs: Record<string, tf.Tensor>, attrs: object) => tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[];

interface Case {
  shape: number[];
  weight: boolean;
  smoothing: boolean;
  ignoreEvery: number;
}

/** The layout, targets and coefficients of a case (an ignored position has a = b = 0 and target -100). */
function setup(c: Case, seed: number) {
  const classes = c.shape.length === 1 ? c.shape[0] : c.shape[1];
  const outer = c.shape.length === 1 ? 1 : c.shape[0];
  const inner = c.shape.slice(2).reduce((a, b) => a * b, 1);
  const p = outer * inner;
  const r = random(seed);
  const target = Int32Array.from({ length: p }, (_, i) => (c.ignoreEvery && i % c.ignoreEvery === 1 ? -100 : Math.floor(((r() + 1) / 2) * classes)));
  const coef = new Float32Array(2 * p);
  for (let i = 0; i < p; i++) {
    if (target[i] === -100) continue;
    coef[i] = 0.5 + (r() + 1) / 4;
    if (c.smoothing) coef[p + i] = 0.05 + (r() + 1) / 40;
  }
  const weight = c.weight ? Float32Array.from({ length: classes }, () => 0.5 + (r() + 1) / 2) : null;
  return { classes, outer, inner, p, target, coef, weight };
}

/** loss per position, logp and the gradient for dy, in double. */
function reference(s: ReturnType<typeof setup>, x: Float32Array, dy: Float32Array) {
  const { classes: C, inner: S, p: P, target, coef, weight } = s;
  const loss = new Float64Array(P);
  const logp = new Float64Array(x.length);
  const grad = new Float64Array(x.length);
  const at = (q: number, k: number) => Math.floor(q / S) * C * S + k * S + (q % S);
  for (let q = 0; q < P; q++) {
    let m = -Infinity;
    for (let k = 0; k < C; k++) m = Math.max(m, x[at(q, k)]);
    let sum = 0;
    for (let k = 0; k < C; k++) sum += Math.exp(x[at(q, k)] - m);
    const a = coef[q];
    const b = coef[P + q];
    let total = a;
    for (let k = 0; k < C; k++) {
      const lp = x[at(q, k)] - m - Math.log(sum);
      logp[at(q, k)] = lp;
      const w = weight ? weight[k] : 1;
      const qk = (k === target[q] ? a : 0) + b * w;
      loss[q] -= qk * lp;
      total += b * w;
    }
    const g = dy.length === 1 ? dy[0] : dy[q];
    for (let k = 0; k < C; k++) {
      const w = weight ? weight[k] : 1;
      const qk = (k === target[q] ? a : 0) + b * w;
      grad[at(q, k)] = g * (total * Math.exp(logp[at(q, k)]) - qk);
    }
  }
  return { loss, logp, grad };
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, what: string, tol = 2e-5): void {
  expect(got.length, `${what} length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (Math.abs(got[i] - want[i]) > tol * Math.max(1, Math.abs(want[i]))) expect.fail(`${what} element ${i}: got ${got[i]}, want ${want[i]}`);
  }
}

describe.skipIf(nativeUnavailable !== null)(`DlSoftmaxCrossEntropy${skipReason}`, () => {
  const cases: Case[] = [
    { shape: [7], weight: false, smoothing: false, ignoreEvery: 0 },
    { shape: [64, 10], weight: false, smoothing: false, ignoreEvery: 0 },
    { shape: [33, 5], weight: true, smoothing: true, ignoreEvery: 4 },
    { shape: [3, 4, 5, 6], weight: true, smoothing: false, ignoreEvery: 3 },
    { shape: [2, 3, 40, 50], weight: false, smoothing: true, ignoreEvery: 7 },
  ];

  for (const threads of [1, 2]) {
    it(`matches direct loops, reduced and per position (${threads} thread(s))`, async () => {
      await tf.setBackend('native');
      setNumThreads(threads);
      cases.forEach((c, ci) => {
        const s = setup(c, 11 + ci);
        const x = randomArray(s.outer * s.classes * s.inner, 5 + ci).map((v) => v * 6);
        for (const reduce of [true, false]) {
          const attrs = { target: s.target, coef: s.coef, weight: s.weight, reduce };
          const [loss, logp] = run(DL_KERNELS.softmaxCrossEntropy, { logits: tf.tensor(x, c.shape) }, attrs) as tf.Tensor[];
          const dy = reduce ? Float32Array.of(0.75) : randomArray(s.p, 99);
          const ref = reference(s, x, dy);
          const positions = c.shape.length === 1 ? [] : [c.shape[0], ...c.shape.slice(2)];
          expect(loss.shape, `case ${ci} loss shape`).toEqual(reduce ? [] : positions);
          expectClose(loss.dataSync(), reduce ? [ref.loss.reduce((a, b) => a + b, 0)] : ref.loss, `case ${ci} loss`);
          expectClose(logp.dataSync(), ref.logp, `case ${ci} logp`);
          const dyT = reduce ? tf.scalar(0.75) : tf.tensor(dy, positions);
          const grad = run(DL_KERNELS.softmaxCrossEntropyGrad, { logp, dy: dyT }, attrs) as tf.Tensor;
          expect(grad.shape).toEqual(c.shape);
          expectClose(grad.dataSync(), ref.grad, `case ${ci} grad`);
          tf.dispose([loss, logp, grad, dyT]);
        }
      });
      setNumThreads(2);
    });
  }

  it('gives an ignored position exactly 0 whatever its logits (no 0 * -inf)', async () => {
    await tf.setBackend('native');
    const x = tf.tensor2d([[Number.NEGATIVE_INFINITY, 0, 1], [0, 1, 2]]);
    const attrs = { target: Int32Array.of(-100, 2), coef: Float32Array.of(0, 1, 0, 0), weight: null, reduce: false };
    const [loss] = run(DL_KERNELS.softmaxCrossEntropy, { logits: x }, attrs) as tf.Tensor[];
    const l = loss.dataSync();
    expect(l[0]).toBe(0);
    expect(l[1]).toBeCloseTo(-Math.log(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2))), 5);
  });

  it('refuses bad inputs with a NativeKernelError before the addon runs', async () => {
    await tf.setBackend('native');
    const x = tf.ones([4, 3]);
    const ok = { target: new Int32Array(4), coef: new Float32Array(8), weight: null, reduce: true };
    const fwd = (inputs: Record<string, tf.Tensor>, attrs: object) => () => run(DL_KERNELS.softmaxCrossEntropy, inputs, attrs);
    expect(fwd({ logits: x }, { ...ok, target: new Int32Array(3) })).toThrow(NativeKernelError);
    expect(fwd({ logits: x }, { ...ok, target: new Float32Array(4) })).toThrow(/Int32Array of 4 class indices/);
    expect(fwd({ logits: x }, { ...ok, coef: new Float32Array(4) })).toThrow(/Float32Array of 8 coefficients/);
    expect(fwd({ logits: x }, { ...ok, weight: new Float32Array(2) })).toThrow(/3 class weights/);
    expect(fwd({ logits: tf.ones([4, 3], 'int32') }, ok)).toThrow(/dtype float32/);
    expect(fwd({ logits: tf.ones([4, 0]) }, { ...ok })).toThrow(/at least one class/);
    expect(fwd({ logits: tf.scalar(1) }, ok)).toThrow(/\(C\), \(N, C\)/);
    expect(fwd({}, ok)).toThrow(/missing input 'logits'/);
    const grad = (dy: tf.Tensor) => () => run(DL_KERNELS.softmaxCrossEntropyGrad, { logp: x, dy }, ok);
    expect(grad(tf.ones([3]))).toThrow(/one value or 4/);
    expect(() => run(DL_KERNELS.softmaxCrossEntropyGrad, { logp: x }, ok)).toThrow(/missing input 'dy'/);
  });
});
