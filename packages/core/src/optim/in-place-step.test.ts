// Optimizer steps may update parameters and state in place (@dl/backend-native's fused steps
// reuse the storage an earlier step made, as torch.optim does): a user-visible copy of a
// parameter (clone, detach, a slice, a row of unbind, a chunk, a saved state dict read) taken
// before a step must keep its values, on every backend, while the parameter moves as the
// portable path moves it.
import { describe, expect, it } from 'vitest';
import * as dl from '../index';
import { setOptionalKernelsEnabled } from '../backend/optional-kernels';

function train(fused: boolean, optimizer: 'sgd' | 'adam'): { snapshots: { taken: number[][]; now: number[][] }[]; final: number[] } {
  const prev = setOptionalKernelsEnabled(fused);
  try {
    dl.manualSeed(3);
    const p = dl.randn([6, 50], { requiresGrad: true });
    const opt = optimizer === 'sgd' ? new dl.optim.SGD([p], { lr: 0.05, momentum: 0.9 }) : new dl.optim.Adam([p], { lr: 0.05 });
    const snapshots: { taken: number[][]; now: number[][] }[] = [];
    const kinds: ((t: dl.Tensor) => dl.Tensor)[] = [
      (t) => t.clone(),
      (t) => t.detach(),
      (t) => t.narrow(0, 1, 2),
      (t) => t.unbind(0)[3],
      (t) => t.chunk(3, 0)[0],
      (t) => t.select(0, 5),
      (t) => t.reshape([300]),
    ];
    // Two steps with no copy first (so the next step may run in place), then one kind of copy
    // per step: a copy that shares the storage must stop the step from writing into it.
    for (let step = 0; step < kinds.length + 2; step++) {
      const copies = step < 2 ? [] : [kinds[step - 2](p)];
      const taken = copies.map((c) => Array.from(c.dataSync()));
      dl.scope(() => {
        opt.zeroGrad();
        p.mul(p).mul(dl.arange(50)).sum().backward();
        opt.step();
      });
      snapshots.push({ taken, now: copies.map((c) => Array.from(c.dataSync())) });
    }
    return { snapshots, final: Array.from(p.dataSync()) };
  } finally {
    setOptionalKernelsEnabled(prev);
  }
}

describe('optimizer steps and copies of parameters', () => {
  for (const optimizer of ['sgd', 'adam'] as const) {
    it(`copies taken before a ${optimizer} step keep their values; the parameter equals the portable path`, () => {
      const fused = train(true, optimizer);
      for (const { taken, now } of fused.snapshots) expect(now).toEqual(taken);
      expect(fused.final).toEqual(train(false, optimizer).final);
    });
  }
});
