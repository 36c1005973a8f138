import { describe, expect, it } from 'vitest';
import { tf } from '../backend/tfjs';
import { Tensor, keep, manualSeed, memoryStats, randn, scope, tensor, tick, zeros } from '../index';

// A two-layer MLP trained by hand with plain ops: every step makes ~40 tensors (forward,
// graph, gradients, updates) that nobody disposes.
function makeModel() {
  manualSeed(0);
  const w1 = randn([16, 32]).mul(0.1).requiresGrad_();
  const b1 = zeros([32], { requiresGrad: true });
  const w2 = randn([32, 4]).mul(0.1).requiresGrad_();
  const b2 = zeros([4], { requiresGrad: true });
  return [w1, b1, w2, b2];
}

function trainStep(params: Tensor[], x: Tensor, y: Tensor): number {
  const [w1, b1, w2, b2] = params;
  const h = x.matmul(w1).add(b1).relu();
  const out = h.matmul(w2).add(b2);
  const loss = out.sub(y).pow(2).mean();
  // What optimizer.zeroGrad() does (setToNone frees the old gradient).
  for (const p of params) {
    p.grad?.dispose();
    p.grad = null;
  }
  loss.backward();
  for (const p of params) p._replaceValue(tf.tidy(() => tf.sub(p._value, tf.mul(p.grad!._value, 0.05))));
  return loss.item();
}

const rssMiB = () => process.memoryUsage().rss / 2 ** 20;

describe('memory ownership', () => {
  it('keeps the tfjs tensor count and RSS flat over a 10,000-step loop without dispose()', async () => {
    const params = makeModel();
    const x = randn([8, 16]);
    const y = randn([8, 4]);
    const samples: number[] = [];
    let rssAfterWarmup = 0;
    let first = 0;
    let last = 0;
    for (let step = 0; step < 10_000; step++) {
      const l = trainStep(params, x, y);
      if (step === 0) first = l;
      last = l;
      // What DataLoader and Engine do between batches.
      await tick();
      if (step === 1000) rssAfterWarmup = rssMiB();
      if (step % 1000 === 999) samples.push(tf.memory().numTensors);
    }
    expect(last).toBeLessThan(first);
    // Without ownership the count grows by ~30 per step (300,000 here); with it, it stays under
    // the collector's threshold above the live set.
    const maxCount = Math.max(...samples);
    expect(maxCount).toBeLessThan(memoryStats().gcThreshold + 1000);
    // No upward trend: the last samples are not above the early ones by more than noise.
    const early = Math.max(...samples.slice(0, 3));
    expect(Math.min(...samples.slice(-3))).toBeLessThanOrEqual(early * 2 + 1000);
    expect(rssMiB() - rssAfterWarmup).toBeLessThan(150);
  }, 300_000);

  it('frees everything a scope() made except its result, deterministically', () => {
    const params = makeModel();
    const x = randn([8, 16]);
    const y = randn([8, 4]);
    trainStep(params, x, y); // grads exist from here on
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) scope(() => trainStep(params, x, y));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps returned tensors and keep()-ed tensors alive, frees the rest', () => {
    let inner: Tensor | null = null;
    let a: Tensor | null = null;
    const before = tf.memory().numTensors;
    const out = scope(() => {
      // Backend values (sum has no host path), so the TensorFlow.js count shows what was freed.
      a = tensor([1, 2, 3]).sum();
      const b = a.mul(2);
      inner = keep(a.add(1));
      return b;
    });
    expect(out.item()).toBe(12);
    expect(inner!.item()).toBe(7);
    expect(a!.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before + 2);
  });

  it('frees host tensors (small values on the JavaScript heap) at the end of their scope too', () => {
    let inner: Tensor | null = null;
    let a: Tensor | null = null;
    let b: Tensor | null = null;
    const before = tf.memory().numTensors;
    const out = scope(() => {
      a = tensor([1, 2, 3]);
      b = a.mul(2);
      inner = keep(a.add(1));
      // Used by a backend op inside the scope: its backend copy goes with the scope too.
      void b.sum();
      return a.sub(1);
    });
    expect(out.tolist()).toEqual([0, 1, 2]);
    expect(inner!.tolist()).toEqual([2, 3, 4]);
    expect([a!.isDisposed, b!.isDisposed]).toEqual([true, true]);
    expect(() => b!.tolist()).toThrow(/disposed .*scope\(\)/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('explains the error when a tensor freed by its scope is used', () => {
    let leaked: Tensor | null = null;
    scope(() => {
      leaked = tensor([1, 2]);
      return 0;
    });
    expect(() => leaked!.tolist()).toThrow(/disposed .*scope\(\)/);
  });

  it('refuses an async function', () => {
    expect(() => scope(async () => 1 as unknown as never)).toThrow(/synchronous function/);
  });
});
