// Class-index losses read log-probabilities at the target class only, as PyTorch's nll_loss
// gathers: a -inf log-probability (a masked class, log(0)) at another class, or anywhere in an
// ignored position, leaves the loss and its gradient finite, on every backend (the portable
// path and @dl/backend-native's fused kernel alike).
import { describe, expect, it } from 'vitest';
import * as dl from '../../index';

const inf = Number.NEGATIVE_INFINITY;

describe('losses over -inf log-probabilities', () => {
  it('nllLoss: -inf at other classes and in ignored positions adds nothing', () => {
    const logp = dl.tensor([[inf, -0.5, -2], [-1, inf, inf], [inf, inf, inf]]).requiresGrad_();
    const target = dl.tensor([1, 0, -100], { dtype: 'int32' });
    const mean = dl.nllLoss(logp, target);
    expect(mean.item()).toBeCloseTo(0.75, 6);
    mean.backward();
    // (the sign of the zeros aside)
    expect((logp.grad!.tolist() as number[][]).map((r) => r.map((v) => v + 0))).toEqual([[0, -0.5, 0], [-0.5, 0, 0], [0, 0, 0]]);
    expect(dl.nllLoss(logp, target, { reduction: 'none' }).tolist()).toEqual([0.5, 1, 0]);
    expect(dl.nllLoss(logp, target, { reduction: 'sum', weight: dl.tensor([2, 3, 1]) }).item()).toBeCloseTo(3.5, 6);
  });

  it('crossEntropy: a -inf logit at another class or an ignored position gives PyTorch’s finite loss and gradient', () => {
    const logits = dl.tensor([[inf, 0, 1], [inf, inf, 0]]).requiresGrad_();
    const loss = dl.crossEntropy(logits, dl.tensor([2, -100], { dtype: 'int32' }));
    // -log(e / (1 + e)) = log(1 + 1/e)
    expect(loss.item()).toBeCloseTo(Math.log(1 + Math.exp(-1)), 6);
    loss.backward();
    const g = logits.grad!.tolist() as number[][];
    // softmax - onehot: softmax = [0, 1 / (1 + e), e / (1 + e)]
    const s = 1 / (1 + Math.E);
    expect(g[0][0]).toBe(0);
    expect(g[0][1]).toBeCloseTo(s, 6);
    expect(g[0][2]).toBeCloseTo(-s, 6);
    expect(g[1].map((v) => v + 0)).toEqual([0, 0, 0]);
  });

  it('crossEntropy with label smoothing over a -inf logit is +inf, as in PyTorch (the uniform part reads every class)', () => {
    const loss = dl.crossEntropy(dl.tensor([[inf, 0, 1]]), dl.tensor([2], { dtype: 'int32' }), { labelSmoothing: 0.1 });
    expect(loss.item()).toBe(Number.POSITIVE_INFINITY);
  });
});
