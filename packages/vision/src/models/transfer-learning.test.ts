import { crossEntropy, manualSeed, nn, optim, randn, scope, tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { resnet18 } from './resnet';

const snapshot = (params: nn.Parameter[]) => params.map((p) => Array.from(p.dataSync()));

// The seed's transfer-learning flow: freeze resnet18.layer1, replace the head, train.
describe('freezing and head replacement (resnet18)', () => {
  it('keeps layer1 unchanged through SGD steps while the rest and the new head train', async () => {
    manualSeed(0);
    const model = await resnet18();
    for (const p of model.layer1.parameters()) p.requiresGrad = false;
    model.fc = new nn.Linear(512, 10);

    const names = model.namedParameters().map(([n]) => n);
    expect(names.slice(-2)).toEqual(['fc.weight', 'fc.bias']);
    expect(model.stateDict()['fc.weight']!.shape).toEqual([10, 512]);
    expect(model.toString()).toContain('(fc): Linear(in_features=512, out_features=10, bias=True)');
    expect(model.layer1.parameters().every((p) => !p.requiresGrad)).toBe(true);

    const frozen = model.layer1.parameters();
    const trained = [model.conv1.weight, model.layer2.parameters()[0]!, model.fc.weight, model.fc.bias!];
    const frozenBefore = snapshot(frozen);
    const trainedBefore = snapshot(trained);
    const runningBefore = Array.from(model.layer1.stateDict()['0.bn1.running_mean']!.dataSync());

    // As in PyTorch, every parameter goes to the optimizer: the frozen ones never get a gradient.
    const opt = new optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9, weightDecay: 1e-4 });
    const x = randn([2, 3, 16, 16]);
    const y = tensor([3, 7], { dtype: 'int32' });
    model.train();
    const losses: number[] = [];
    for (let step = 0; step < 2; step++) {
      losses.push(
        scope(() => {
          opt.zeroGrad();
          const loss = crossEntropy(model.forward(x), y);
          loss.backward();
          opt.step();
          return loss.item();
        }),
      );
    }

    expect(losses.every(Number.isFinite)).toBe(true);
    expect(frozen.every((p) => p.grad === null)).toBe(true);
    expect(snapshot(frozen)).toEqual(frozenBefore);
    snapshot(trained).forEach((after, i) => expect(after, `trained parameter ${i}`).not.toEqual(trainedBefore[i]));
    // requiresGrad does not stop BatchNorm's running statistics in training mode (PyTorch neither);
    // layer1.eval() would.
    expect(Array.from(model.layer1.stateDict()['0.bn1.running_mean']!.dataSync())).not.toEqual(runningBefore);
  });
});
