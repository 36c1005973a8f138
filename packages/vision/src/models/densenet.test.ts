import { manualSeed, noGrad, randn, type Tensor, ValueError } from '@dl/core';
import { load } from '@dl/core/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/transform-fixtures';
import { expectLogits, expectSameInit, keysOf, loadRuleWeights, modelsJson, modelsPath, parityFixture } from '../../test/support/model-fixtures';
import type { ModelFixture } from '../../test/support/model-rule-weights';
import { DenseNet, densenet121, remapDenseNetLegacyKeys } from './densenet';
import { DenseBlock, DenseLayer, Transition } from './densenet-blocks';

describe('densenet121', () => {
  const fx = parityFixture('densenet121');
  let model: DenseNet;
  beforeAll(async () => {
    manualSeed(0);
    model = await densenet121({ numClasses: 10 });
  });

  it("has torchvision's keys, repr and seeded initialisation", () => {
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
  });

  it("matches torchvision's logits with the rule weights", () => {
    loadRuleWeights(model);
    expectLogits(model, fx);
  });
});

describe('DenseNet', () => {
  it("loads a checkpoint with the old key names of torchvision's published weights", async () => {
    const fx = modelsJson<ModelFixture & { legacy_keys: string[] }>('densenet_tiny_legacy.json');
    const sd = await load<Record<string, Tensor>>(modelsPath('densenet_tiny_legacy.pth'));
    expect(Object.keys(sd)).toEqual(fx.legacy_keys);
    expect(Object.keys(sd)).toContain('features.denseblock1.denselayer1.norm.1.weight');
    const remapped = remapDenseNetLegacyKeys(sd);
    expect(Object.keys(remapped)).toEqual(fx.keys.map(([k]) => k).filter((k) => !k.endsWith('num_batches_tracked')));
    const model = new DenseNet({ growthRate: 4, blockConfig: [1, 2, 1, 1], numInitFeatures: 8, bnSize: 2, numClasses: 3 });
    expect(model.loadStateDict(remapped)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expectLogits(model, fx);
  });

  it('builds its blocks with the shapes torchvision gives them', () => {
    const x = randn([1, 8, 4, 4]);
    noGrad(() => {
      expect(new DenseLayer(16, 4, 2, 0).forward([x, x]).shape).toEqual([1, 4, 4, 4]);
      expect(new DenseBlock(3, 8, 2, 4, 0).forward(x).shape).toEqual([1, 20, 4, 4]);
      expect(new Transition(8, 4).forward(x).shape).toEqual([1, 4, 2, 2]);
    });
  });

  it('drops features in training mode only when dropRate > 0', () => {
    manualSeed(2);
    const layer = new DenseLayer(4, 4, 2, 0.5);
    const x = randn([1, 4, 3, 3]);
    const evalOut = noGrad(() => layer.eval().forward(x)).tolist();
    expect(noGrad(() => layer.forward(x)).tolist()).toEqual(evalOut);
    expect(noGrad(() => layer.train().forward(x)).tolist()).not.toEqual(evalOut);
  });

  it('rejects a bad block configuration', () => {
    throwsExactly(() => new DenseNet({ blockConfig: [6, 0, 1, 1] }), ValueError, 'DenseNet: blockConfig must be a list of positive layer counts, got [6,0,1,1]');
  });
});
