import { it } from 'vitest';
import * as dl from '../../index';
it('smoke', () => {
  dl.manualSeed(0);
  console.log(dl.rand([3]).tolist(), dl.randperm(5).tolist(), dl.randint(0, 10, [5]).tolist());
  dl.manualSeed(0); console.log(dl.randn(3).tolist(), dl.bernoulli(dl.tensor([0.5,0.5,0.5,0.9,0.1])).tolist());
  dl.manualSeed(0); console.log(dl.empty(6).bernoulli_(0.5).tolist());
  dl.manualSeed(0); console.log(dl.multinomial(dl.tensor([0.1,0.2,0.3,0.4]), 6, { replacement: true }).tolist());
  dl.manualSeed(0); console.log(dl.multinomial(dl.tensor([0.1,0.2,0.3,0.4]), 3).tolist());
  dl.manualSeed(0); console.log(dl.multinomial(dl.tensor([0.1,0.2,0.3,0.4]), 1).tolist());
  dl.manualSeed(0); console.log(dl.normal(2, 3, [3]).tolist(), dl.normal(dl.tensor([0, 10, 100]), dl.tensor([1,1,1])).tolist());
  dl.manualSeed(0); console.log(dl.normal(dl.tensor([0, 10, 100]), dl.tensor([1,1,1])).tolist());
  dl.manualSeed(0); console.log(dl.empty(3).uniform_(-1, 1).tolist(), dl.empty(3).normal_(1, 2).tolist());
  console.log(dl.linspace(0, 1, 10).tolist(), dl.arange(0, 1, 0.1).tolist().slice(0, 4), dl.arange(1, 2.5, 0.5).tolist(), dl.logspace(0, 2, 3).tolist(), dl.eye(2, 3).tolist());
  console.log(dl.zeros(2, 3).shape, dl.ones([2], { dtype: 'bool' }).tolist(), dl.full([2], 7).tolist(), dl.full([2], true).tolist());
  const x = dl.tensor([1, 2, 3], { requiresGrad: true });
  const h = x.mul(2);
  h.add_(1).mul_(x).tanh_();
  h.sum().backward();
  console.log(h.tolist(), x.grad!.tolist(), h.gradFn?.name);
  console.log(dl.div(dl.tensor([7, -7], { dtype: 'int32' }), 2).tolist(), dl.div(dl.tensor([7, -7], { dtype: 'int32' }), 2, { roundingMode: 'trunc' }).tolist(), dl.div(dl.tensor([7, -7]), 2, { roundingMode: 'floor' }).tolist());
  console.log(dl.eq(dl.tensor([1, 2]), 2).tolist(), dl.isclose(dl.tensor([1, 2]), dl.tensor([1 + 1e-7, 2.1])).tolist(), dl.equal(dl.tensor([1]), dl.tensor([1])));
  const p = dl.tensor([1, 2], { requiresGrad: true });
  try { p.add_(1); } catch (e) { console.log((e as Error).name, (e as Error).message); }
  dl.noGrad(() => p.add_(1)); console.log(p.tolist(), p.isLeaf);
});
