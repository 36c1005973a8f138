// The anchor CNN of the benchmarks, at the functional level: Conv(1,32,3) ReLU MaxPool2
// Conv(32,64,3) ReLU MaxPool2 Flatten Linear(1600,128) ReLU Linear(128,10). Before @dl/core
// registered the missing kernels, its backward failed on the wasm backend.
import { describe, expect, it } from 'vitest';
import { uniform } from '../../../test/support/functional-fixtures';
import { expectClose } from '../../../test/support/reference';
import { grad } from '../../autograd/backward';
import { kernelOp } from '../../autograd/run-op';
import { getBackend, setBackend } from '../../backend/backend';
import type { Tensor } from '../../tensor/tensor';
import { conv2d } from './conv2d';
import { linear } from './linear';
import { maxPool2d } from './max-pool';

const relu = (t: Tensor) => kernelOp('Relu', { x: t });

function makeParams(): Tensor[] {
  const shapes = [[32, 1, 3, 3], [32], [64, 32, 3, 3], [64], [128, 1600], [128], [10, 128], [10]];
  const fanIn = [9, 9, 288, 288, 1600, 1600, 128, 128];
  return shapes.map((s, i) => uniform(s, 100 + i, true, 1 / Math.sqrt(fanIn[i])));
}

function forward(x: Tensor, [w1, b1, w2, b2, w3, b3, w4, b4]: Tensor[]): Tensor {
  let h = maxPool2d(relu(conv2d(x, w1, b1)), 2);
  h = maxPool2d(relu(conv2d(h, w2, b2)), 2);
  h = kernelOp('Reshape', { x: h }, { shape: [h.shape[0], 1600] });
  return linear(relu(linear(h, w3, b3)), w4, b4);
}

function gradients(x: Tensor, params: Tensor[], g: Tensor): { out: Float32Array; grads: Float32Array[] } {
  const out = forward(x, params);
  const grads = grad([out], params, [g]);
  return { out: out.dataSync() as Float32Array, grads: grads.map((t) => t!.dataSync() as Float32Array) };
}

describe('the anchor CNN (functional)', () => {
  it('runs forward and backward at batch 4, and the other backend computes the same', async () => {
    const params = makeParams();
    const x = uniform([4, 1, 28, 28], 7, false);
    const g = uniform([4, 10], 8, false);
    const active = getBackend();
    const here = gradients(x, params, g);
    expect(here.grads.map((t) => t.length)).toEqual(params.map((p) => p.numel()));
    for (const t of here.grads) expect(t.every(Number.isFinite)).toBe(true);
    expect(here.grads.every((t) => t.some((v) => v !== 0))).toBe(true);

    await setBackend(active === 'wasm' ? 'cpu' : 'wasm');
    let there: ReturnType<typeof gradients>;
    try {
      there = gradients(x, params, g);
    } finally {
      await setBackend(active);
    }
    expectClose(here.out, there.out, 1e-4, 1e-5, 'logits');
    here.grads.forEach((t, i) => expectClose(t, there.grads[i], 1e-3, 1e-5, `gradient of parameter ${i}`));
  });
});
