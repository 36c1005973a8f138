// Test helper: checks that an op's forward and backward leave no TensorFlow.js tensor behind.
import { expect } from 'vitest';
import { tf } from '../../src/backend/tfjs';
import { scope } from '../../src/memory/scope';
import type { Tensor } from '../../src/tensor/tensor';
import { fromFlat } from './functional-cases';

/** Runs `op` (forward, then backward when it records history) 6 times in `scope()`; the tfjs tensor count must not grow. */
export function expectNoLeak(op: () => Tensor, leaves: Tensor[]): void {
  const run = () =>
    scope(() => {
      const y = op();
      if (y.requiresGrad) y.backward(y.dim() === 0 ? undefined : fromFlat(new Array(y.numel()).fill(1), y.shape));
      for (const t of leaves) {
        t.grad?.dispose();
        t.grad = null;
      }
    });
  run();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) run();
  expect(tf.memory().numTensors - before).toBe(0);
}
