import * as dl from '@dl/core';

/** Result of {@link fitLine}. */
export interface FitResult {
  weight: number;
  bias: number;
  loss: number;
}

/**
 * Fits `y = w·x + b` to noisy points of `y = 3x - 1` by gradient descent, with nothing but
 * tensors and autograd: the core loop every trainer wraps.
 */
export async function fitLine(steps = 200, lr = 0.1, log: (line: string) => void = () => {}): Promise<FitResult> {
  dl.manualSeed(0);
  const x = dl.rand([64, 1]);
  const noise = dl.randn([64, 1]).mul(0.05);
  const y = x.mul(3).sub(1).add(noise);
  const w = dl.zeros([1, 1], { requiresGrad: true });
  const b = dl.zeros([1], { requiresGrad: true });
  let loss = Infinity;
  for (let step = 1; step <= steps; step++) {
    const err = x.matmul(w).add(b).sub(y);
    const l = err.mul(err).mean();
    w.grad = null;
    b.grad = null;
    l.backward();
    dl.noGrad(() => {
      w.sub_(w.grad!.mul(lr));
      b.sub_(b.grad!.mul(lr));
    });
    loss = l.item();
    if (step % 50 === 0) log(`step ${step}: loss ${loss.toFixed(5)}`);
    // Let finalizers free the tensors of finished steps (see docs/core.md, "Memory").
    await new Promise((r) => setImmediate(r));
  }
  return { weight: w.item(), bias: b.item(), loss };
}
