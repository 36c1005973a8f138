// dataSync() and data() hand out copies on every backend: the cpu backend (and the native one
// built on it) read out the array a tensor lives in, so without the copy, writing into a read
// changed the tensor (and an in-place optimizer step changed an earlier read).
import { describe, expect, it } from 'vitest';
import * as dl from '../index';

describe('reads are copies', () => {
  it('writing into what dataSync() or data() returned leaves the tensor as it was', async () => {
    for (const make of [() => dl.randn([5000]).mul(2), () => dl.randn([3, 4]).mul(2), () => dl.tensor([1, 2, 3])]) {
      const t = make();
      const want = Array.from(t.dataSync());
      const a = t.dataSync();
      a[0] = 123;
      const b = await t.data();
      b[1] = 456;
      expect(Array.from(t.dataSync())).toEqual(want);
      expect(t.dataSync()).not.toBe(t.dataSync());
    }
  });

  it('a read taken before an optimizer step keeps its values; the parameter changes', () => {
    const p = dl.randn([300, 4], { requiresGrad: true });
    const opt = new dl.optim.SGD([p], { lr: 0.1, momentum: 0.9 });
    for (let step = 0; step < 3; step++) {
      const before = p.dataSync();
      const snapshot = Array.from(before);
      dl.scope(() => {
        opt.zeroGrad();
        p.mul(p).sum().backward();
        opt.step();
      });
      expect(Array.from(before)).toEqual(snapshot);
      expect(Array.from(p.dataSync())).not.toEqual(snapshot);
    }
  });
});
