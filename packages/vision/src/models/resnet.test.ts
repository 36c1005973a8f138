import { manualSeed, noGrad, nn, randn, ValueError } from '@dl/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/transform-fixtures';
import { expectLogits, expectSameInit, keysOf, loadRuleWeights, modelsJson, parityFixture, rejectsExactly } from '../../test/support/model-fixtures';
import { BasicBlock, Bottleneck } from './resnet-blocks';
import { RESNET_LAYERS, ResNet, resnet18 } from './resnet';
import { ResNet18_Weights } from './resnet-weights';

describe('resnet18', () => {
  const fx = parityFixture('resnet18');
  let model: ResNet;
  beforeAll(async () => {
    manualSeed(0);
    model = await resnet18({ numClasses: 10 });
  });

  it("has torchvision's keys, shapes, repr and seeded initialisation", () => {
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
  });

  it("matches torchvision's logits with the rule weights", () => {
    loadRuleWeights(model);
    expectLogits(model, fx);
  });

  it('rejects weights of another model, a numClasses the weights do not have, and bad values', async () => {
    await rejectsExactly(resnet18({ weights: 'IMAGENET1K_V2' as never }), ValueError, "resnet18: unknown weights 'IMAGENET1K_V2' (choose from IMAGENET1K_V1, DEFAULT of ResNet18_Weights, or null)");
    await rejectsExactly(resnet18({ weights: 'ResNet34_Weights.IMAGENET1K_V1' as never }), ValueError, "resnet18: unknown weights 'ResNet34_Weights.IMAGENET1K_V1' (choose from IMAGENET1K_V1, DEFAULT of ResNet18_Weights, or null)");
    await rejectsExactly(resnet18({ weights: 'DEFAULT', numClasses: 10 }), ValueError, "resnet18: The parameter 'numClasses' expected value 1000 but got 10 instead.");
    await rejectsExactly(resnet18({ numClasses: 0 }), ValueError, 'resnet18: numClasses must be a positive integer, got 0');
    await rejectsExactly(resnet18({ weights: ResNet18_Weights.DEFAULT, pretrained: true }), ValueError, 'resnet18: pass weights or the deprecated pretrained, not both (got weights ResNet18_Weights.IMAGENET1K_V1 and pretrained true)');
  });
});

describe('RESNET_LAYERS', () => {
  // The full-size models are built by large-models.test.ts; their block layout is checked here.
  const structures = modelsJson<Record<string, { keys: [string, number[]][] }>>('structures.json');
  it.each(Object.keys(RESNET_LAYERS) as (keyof typeof RESNET_LAYERS)[])("gives %s torchvision's block type and blocks per stage", (name) => {
    const keys = structures[name]!.keys.map(([k]) => k);
    const counts = [1, 2, 3, 4].map((stage) => new Set(keys.filter((k) => k.startsWith(`layer${stage}.`)).map((k) => k.split('.')[1])).size);
    const [block, layers] = RESNET_LAYERS[name];
    expect(layers).toEqual(counts);
    expect(block).toBe(keys.includes('layer1.0.conv3.weight') ? Bottleneck : BasicBlock);
  });
});

describe('ResNet', () => {
  it("matches torchvision with bottleneck blocks (ResNet-50's block, tiny)", () => {
    const fx = parityFixture('resnet_bottleneck_tiny');
    manualSeed(0);
    const model = new ResNet(Bottleneck, [1, 1, 1, 1], { numClasses: 10 });
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
    loadRuleWeights(model);
    expectLogits(model, fx);
  });

  it('matches torchvision with groups, width per group, dilation and zero-initialised residuals', () => {
    const fx = parityFixture('resnet_grouped_dilated_tiny');
    manualSeed(0);
    const model = new ResNet(Bottleneck, [1, 2, 1, 1], { numClasses: 5, groups: 2, widthPerGroup: 32, replaceStrideWithDilation: [false, true, true], zeroInitResidual: true });
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
    loadRuleWeights(model);
    expectLogits(model, fx);
  });

  it('switches BatchNorm between batch statistics (train) and running statistics (eval)', () => {
    manualSeed(1);
    const model = new ResNet(BasicBlock, [1, 1, 1, 1], { numClasses: 3 });
    const x = randn([2, 3, 16, 16]);
    const before = model.bn1.stateDict().running_mean!.tolist();
    noGrad(() => model.train().forward(x));
    const after = model.bn1.stateDict().running_mean!.tolist();
    expect(after).not.toEqual(before);
    const y1 = noGrad(() => model.eval().forward(x)).tolist();
    const y2 = noGrad(() => model.forward(x)).tolist();
    expect(y2).toEqual(y1);
    expect(model.bn1.stateDict().running_mean!.tolist()).toEqual(after);
  });

  it('rejects bad layer counts and dilation settings, and BasicBlock with groups', () => {
    throwsExactly(() => new ResNet(BasicBlock, [2, 2, 2] as never), ValueError, 'ResNet: layers must be 4 positive block counts, got [2,2,2]');
    throwsExactly(
      () => new ResNet(BasicBlock, [1, 1, 1, 1], { replaceStrideWithDilation: [true] as never }),
      ValueError,
      'ResNet: replaceStrideWithDilation should be null or a 3-element array, got [true]',
    );
    throwsExactly(() => new ResNet(BasicBlock, [1, 1, 1, 1], { groups: 2 }), ValueError, 'BasicBlock: only supports groups=1 and baseWidth=64, got groups 2 and baseWidth 64');
    throwsExactly(
      () => new ResNet(BasicBlock, [1, 1, 1, 2], { replaceStrideWithDilation: [false, false, true] }),
      ValueError,
      'BasicBlock: dilation > 1 is not supported, got 2',
    );
  });

  it('takes another norm layer', () => {
    const model = new ResNet(BasicBlock, [1, 1, 1, 1], { numClasses: 2, normLayer: (c) => new nn.GroupNorm(4, c) });
    expect(model.bn1).toBeInstanceOf(nn.GroupNorm);
    expect(noGrad(() => model.forward(randn([1, 3, 8, 8]))).shape).toEqual([1, 2]);
  });
});
