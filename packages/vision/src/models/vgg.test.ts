import { manualSeed, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/transform-fixtures';
import { expectLogits, expectSameInit, keysOf, loadRuleWeights, parityFixture } from '../../test/support/model-fixtures';
import { makeLayers, VGG_CFGS, vgg16 } from './vgg';
import { VGG16_Weights } from './vgg-weights';

// The full VGGs (130M+ parameters, ~12 s to initialise) are checked by large-models.test.ts.
describe('makeLayers', () => {
  it.each([
    ['vgg11_bn_features', VGG_CFGS.A, true],
    ['vgg16_features', VGG_CFGS.D, false],
  ] as const)("builds %s with torchvision's keys, repr, seeded initialisation and outputs", (name, cfg, batchNorm) => {
    const fx = parityFixture(name);
    manualSeed(0);
    const features = makeLayers(cfg, batchNorm);
    expect(keysOf(features)).toEqual(fx.keys);
    expect(features.toString()).toBe(fx.repr);
    expectSameInit(features, fx.init);
    loadRuleWeights(features);
    expectLogits(features, fx);
  });

  it('rejects a layer that is neither a channel count nor M', () => {
    throwsExactly(() => makeLayers([64, 'X' as never]), ValueError, 'makeLayers: a layer is a positive channel count or \'M\', got "X"');
  });
});

describe('vgg16', () => {
  it('checks numClasses against the weights only when they have categories', async () => {
    await expect(vgg16({ weights: 'IMAGENET1K_V1', numClasses: 10 })).rejects.toThrow("vgg16: The parameter 'numClasses' expected value 1000 but got 10 instead.");
    expect(VGG16_Weights.IMAGENET1K_FEATURES.meta.categories).toBeNull();
  });
});
