import { ValueError, crossEntropy, manualSeed, mseLoss, nn, optim, tensor, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { Accuracy } from '../metrics/accuracy';
import { Loss } from '../metrics/loss';
import { createSupervisedEvaluator, createSupervisedTrainer } from './create-supervised';
import { Events } from './events';

const weights = (m: nn.Module) => m.parameters().map((p) => (p as unknown as { tolist(): unknown }).tolist());

function regressionBatches(): [Tensor, Tensor][] {
  return [
    [tensor([[1, 2], [3, 4]]), tensor([[1], [2]])],
    [tensor([[0, 1], [1, 0]]), tensor([[0.5], [-1]])],
    [tensor([[2, 2], [1, 3]]), tensor([[1], [0]])],
    [tensor([[1, 1], [0, 2]]), tensor([[2], [1]])],
  ];
}

describe('createSupervisedTrainer', () => {
  it('trains like a hand-written loop and outputs the loss as a number', async () => {
    manualSeed(1);
    const a = new nn.Linear(2, 1);
    const b = new nn.Linear(2, 1);
    b.loadStateDict(a.stateDict());
    const optA = new optim.SGD(a.parameters(), { lr: 0.05 });
    const optB = new optim.SGD(b.parameters(), { lr: 0.05 });
    const trainer = createSupervisedTrainer(a, optA, mseLoss);
    const losses: number[] = [];
    trainer.on(Events.ITERATION_COMPLETED, (e) => void losses.push(e.state.output as number));
    await trainer.run(regressionBatches(), { maxEpochs: 2 });
    const manual: number[] = [];
    for (let epoch = 0; epoch < 2; epoch++) {
      for (const [x, y] of regressionBatches()) {
        optB.zeroGrad();
        const l = mseLoss(b.forward(x), y);
        l.backward();
        optB.step();
        manual.push(l.item());
      }
    }
    expect(losses).toEqual(manual);
    expect(weights(a)).toEqual(weights(b));
  });

  it('accumulates gradients over gradientAccumulationSteps before each optimizer step', async () => {
    manualSeed(2);
    const a = new nn.Linear(2, 1);
    const b = new nn.Linear(2, 1);
    b.loadStateDict(a.stateDict());
    const trainer = createSupervisedTrainer(a, new optim.SGD(a.parameters(), { lr: 0.1 }), mseLoss, { gradientAccumulationSteps: 2 });
    await trainer.run(regressionBatches());
    const optB = new optim.SGD(b.parameters(), { lr: 0.1 });
    const batches = regressionBatches();
    for (let i = 0; i < batches.length; i += 2) {
      optB.zeroGrad();
      for (const [x, y] of batches.slice(i, i + 2)) mseLoss(b.forward(x), y).div(2).backward();
      optB.step();
    }
    const close = (u: unknown, v: unknown) => (u as number[][]).flat().forEach((n, i) => expect(n).toBeCloseTo((v as number[][]).flat()[i], 6));
    weights(a).forEach((w, i) => close(w, weights(b)[i]));
  });

  it('takes prepareBatch and outputTransform, and rejects bad options with ValueError', async () => {
    const model = new nn.Linear(2, 1);
    const trainer = createSupervisedTrainer(model, new optim.SGD(model.parameters(), { lr: 0.01 }), mseLoss, {
      prepareBatch: (batch) => [(batch as { x: Tensor }).x, (batch as { y: Tensor }).y],
      outputTransform: (_x, _y, yPred, loss) => ({ loss: loss.item(), n: (yPred as Tensor).shape[0] }),
    });
    const state = await trainer.run([{ x: tensor([[1, 2]]), y: tensor([[3]]) }]);
    expect((state.output as { n: number }).n).toBe(1);
    expect(() => createSupervisedTrainer(model, new optim.SGD(model.parameters(), { lr: 0.01 }), mseLoss, { gradientAccumulationSteps: 0 })).toThrow(
      'supervisedTrainingStep: gradientAccumulationSteps must be a strictly positive integer (1, the default, accumulates nothing), got 0',
    );
    expect(() => createSupervisedTrainer({} as never, {} as never, mseLoss)).toThrow(ValueError);
    const bad = createSupervisedTrainer(model, new optim.SGD(model.parameters(), { lr: 0.01 }), mseLoss);
    await expect(bad.run([tensor([1, 2])])).rejects.toThrow('prepareBatch: expected a batch [x, y] (give prepareBatch for other batches), got object');
  });
});

describe('createSupervisedEvaluator', () => {
  it('runs the model without gradients in eval mode and fills state.metrics', async () => {
    const model = new nn.Sequential(new nn.Linear(2, 3), new nn.Dropout(0.5));
    const evaluator = createSupervisedEvaluator(model, { metrics: { acc: new Accuracy(), loss: new Loss(crossEntropy) } });
    const batches = [[tensor([[1, 0], [0, 1]]), tensor([0, 2], { dtype: 'int32' })]];
    const first = await evaluator.run(batches);
    const acc = first.metrics.acc;
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(first.metrics.loss).toBeGreaterThan(0);
    const [yPred] = first.output as [Tensor, Tensor];
    expect(yPred.requiresGrad).toBe(false);
    expect(model.training).toBe(false);
    expect((await evaluator.run(batches)).metrics.acc).toBe(acc);
  });
});
