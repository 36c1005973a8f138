// Class-index cross entropy through a backend's fused kernel (@dl/backend-native's
// `DlSoftmaxCrossEntropy`) against the portable path on the same backend: every reduction, class
// weights, ignoreIndex, label smoothing, (C), (N, C) and (N, C, d1, d2) input, the loss and the
// input's gradient. On backends without the kernel both runs take the portable path.
import { describe, expect, it } from 'vitest';
import * as dl from '../../index';
import { hasOptionalKernel, OPTIONAL_KERNELS, setOptionalKernelsEnabled } from '../../backend/optional-kernels';

interface Options {
  shape: number[];
  reduction: 'mean' | 'sum' | 'none';
  weight: boolean;
  ignoreIndex?: number;
  labelSmoothing?: number;
}

function run(fused: boolean, o: Options): { loss: number[]; grad: number[] } {
  const prev = setOptionalKernelsEnabled(fused);
  try {
    dl.manualSeed(7);
    const x = dl.randn(o.shape).mul(3).requiresGrad_();
    const classes = o.shape.length === 1 ? o.shape[0] : o.shape[1];
    const targetShape = o.shape.length === 1 ? [] : [o.shape[0], ...o.shape.slice(2)];
    let target = dl.randint(0, classes, targetShape);
    if (o.ignoreIndex !== undefined) target = dl.where(dl.rand(targetShape).lt(0.3), dl.full(targetShape, o.ignoreIndex, { dtype: 'int32' }), target);
    const weight = o.weight ? dl.rand([classes]).add(0.5) : null;
    const loss = dl.crossEntropy(x, target, { reduction: o.reduction, weight, ignoreIndex: o.ignoreIndex, labelSmoothing: o.labelSmoothing });
    (o.reduction === 'none' ? loss.mul(dl.randn(loss.shape)).sum() : loss.mul(1.5)).backward();
    return { loss: Array.from(loss.dataSync()), grad: Array.from(x.grad!.dataSync()) };
  } finally {
    setOptionalKernelsEnabled(prev);
  }
}

function expectClose(got: number[], want: number[], what: string): void {
  expect(got.length, what).toBe(want.length);
  got.forEach((g, i) => {
    if (Number.isNaN(want[i])) expect(g, `${what}[${i}]`).toBeNaN();
    else expect(Math.abs(g - want[i]), `${what}[${i}]: ${g} vs ${want[i]}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want[i])));
  });
}

describe('cross entropy through a fused kernel', () => {
  it('is registered on native only', () => {
    expect(hasOptionalKernel(OPTIONAL_KERNELS.softmaxCrossEntropy)).toBe(dl.getBackend() === 'native');
    expect(hasOptionalKernel(OPTIONAL_KERNELS.softmaxCrossEntropyGrad)).toBe(dl.getBackend() === 'native');
  });

  const cases: Options[] = [];
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    cases.push({ shape: [64, 10], reduction, weight: false });
    cases.push({ shape: [17, 5], reduction, weight: true, ignoreIndex: 2, labelSmoothing: 0.1 });
    cases.push({ shape: [3, 4, 5, 6], reduction, weight: true, ignoreIndex: -100, labelSmoothing: 0.25 });
    cases.push({ shape: [9], reduction, weight: false, labelSmoothing: 1 });
  }
  it('gives the portable path’s loss and gradient for every option', () => {
    for (const o of cases) {
      const want = run(false, o);
      const got = run(true, o);
      const what = JSON.stringify(o);
      expectClose(got.loss, want.loss, `${what} loss`);
      expectClose(got.grad, want.grad, `${what} grad`);
    }
  });

  it('gives NaN and zero gradients when every target is ignored (a mean over nothing)', () => {
    for (const fused of [true, false]) {
      const prev = setOptionalKernelsEnabled(fused);
      try {
        const x = dl.randn([4, 3]).requiresGrad_();
        const loss = dl.crossEntropy(x, dl.full([4], -100, { dtype: 'int32' }));
        expect(loss.item()).toBeNaN();
        loss.backward();
        expect(Array.from(x.grad!.dataSync())).toEqual(new Array(12).fill(0));
      } finally {
        setOptionalKernelsEnabled(prev);
      }
    }
  });
});
