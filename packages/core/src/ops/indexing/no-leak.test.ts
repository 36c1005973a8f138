import { describe, expect, it } from 'vitest';
import { tf } from '../../backend/tfjs';
import * as dl from '../../index';
import type { Tensor } from '../../index';
import { testTensor } from '../../../test/support/test-tensor';

const i32 = (v: number[] | number[][]) => dl.tensor(v, { dtype: 'int32' });

// Every op of the reduction, shape and indexing areas, forward and backward.
const ops: [string, (x: Tensor) => Tensor][] = [
  ['sum/mean/prod', (x) => x.sum(1).add(x.mean(0).sum()).add(x.prod(1).sum())],
  ['max/min/amax/median', (x) => x.max(1).values.add(x.min()).add(x.amax(0).sum()).add(x.median(1).values)],
  ['var/std/logsumexp/norm', (x) => x.var(1).add(x.std()).add(x.logsumexp(1)).add(x.norm(1, { dim: 1 }))],
  ['cumsum/cumprod', (x) => x.cumsum(1).add(x.cumprod(0))],
  ['shape', (x) => dl.cat([x.reshape(-1), x.t().flatten(), x.unsqueeze(0).squeeze(0).permute(1, 0).reshape(-1)])],
  ['expand/repeat/flip/roll', (x) => x.unsqueeze(0).expand(2, -1, -1).sum(0).add(x.repeat(1, 1).flip(0).roll(1, 1))],
  ['split/pad', (x) => dl.stack(x.split(1, 0).map((p) => dl.pad(p.unsqueeze(0), [1, 1], { mode: 'reflect' }).reshape(-1)))],
  ['index/gather/scatter', (x) => x.index(dl.slice(), [0, 2]).sum().add(x.gather(1, i32([[0, 1, 2, 3], [3, 2, 1, 0], [1, 1, 1, 1]])).sum()).add(x.scatterReduce(1, i32([[0, 0, 1, 1], [2, 2, 2, 2], [0, 1, 2, 3]]), x, 'amax').sum())],
  ['where', (x) => dl.where(dl.tensor([[true, false, true, true]]), x, 0)],
  ['maskedFill', (x) => x.maskedFill(dl.tensor([[true, false, true, true]]), dl.tensor(2))],
  ['cat of a constant', (x) => dl.cat([x, dl.tensor([[1, 2, 3, 4]])])],
  ['maskedSelect', (x) => x.maskedSelect(x.gt(0))],
  ['topk/sort', (x) => x.topk(2).values.sum().add(x.sort().values.sum())],
  ['diagonal/tril', (x) => x.diagonal().sum().add(x.tril().sum())],
];

describe('memory', () => {
  for (const [name, fn] of ops) {
    it(`keeps the tfjs tensor count flat over repeated ${name} steps`, () => {
      const x = testTensor([3, 4], { requiresGrad: true });
      const step = () =>
        dl.scope(() => {
          fn(x).sum().backward();
          x.grad?.dispose();
          x.grad = null;
        });
      step();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) step();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
