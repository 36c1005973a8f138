import { nn, noGrad, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/color-fixtures';
import { camelOptions, closeness, countParams, loadRuleWeights, modelFixture, modelVariants, ruleInput, stateKeys, torchText } from '../../test/support/model-rule-weights';
import { MobileNet_V2_Weights, MobileNetV2, MobileNetV2InvertedResidual, mobilenet_v2 } from './mobilenetv2';

const backend = process.env.DL_BACKEND;

describe('mobilenet_v2', () => {
  it("has torchvision's keys and module text and gives PyTorch logits within 1e-4", async () => {
    const fx = modelFixture('mobilenet_v2');
    const model = await mobilenet_v2({ numClasses: 10 });
    loadRuleWeights(model);
    expect(stateKeys(model)).toEqual(fx.keys);
    expect(torchText(model)).toBe(fx.repr);
    const logits = noGrad(() => model.eval().forward(ruleInput(fx.input_shape)));
    const { ratio, maxAbs } = closeness(logits, fx.logits);
    console.log(`[parity ${backend}] mobilenet_v2 max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);
  });

  it.each(modelVariants('mobilenet_v2'))('builds $kwargs as torchvision does', async (v) => {
    const model = (await mobilenet_v2(camelOptions(v.kwargs))).eval();
    expect([countParams(model), Object.keys(model.stateDict()).length]).toEqual([v.num_params, v.num_state]);
    expect(noGrad(() => model.features.forward(ruleInput([1, 3, 32, 32]))).shape).toEqual(v.features_shape_32);
    expect((model.classifier[0] as nn.Dropout).p).toBe(v.kwargs.dropout ?? 0.2);
  });

  it('initialises like torchvision: Kaiming-normal convolutions, unit BatchNorm, N(0, 0.01) classifier, zero biases', async () => {
    const model = await mobilenet_v2({ numClasses: 10 });
    const fc = model.classifier[1] as nn.Linear;
    expect(fc.weight.std().item()).toBeCloseTo(0.01, 2);
    expect(fc.bias!.abs().max().item()).toBe(0);
    const stem = model.features[0] as nn.Sequential;
    // fan_out of the 3x3 stem convolution: 32 * 9, so std sqrt(2 / 288).
    expect((stem[0] as nn.Conv2d).weight.std().item()).toBeCloseTo(Math.sqrt(2 / 288), 1);
    expect((stem[1] as nn.BatchNorm2d).weight!.min().item()).toBe(1);
  });

  it('has the weights of torchvision 0.14 with IMAGENET1K_V2 as DEFAULT', () => {
    expect(MobileNet_V2_Weights.keys()).toEqual(['IMAGENET1K_V1', 'IMAGENET1K_V2', 'DEFAULT']);
    expect(MobileNet_V2_Weights.IMAGENET1K_V1.url).toBe('https://download.pytorch.org/models/mobilenet_v2-b0353104.pth');
    expect(MobileNet_V2_Weights.DEFAULT).toBe(MobileNet_V2_Weights.IMAGENET1K_V2);
    expect(MobileNet_V2_Weights.DEFAULT.url).toBe('https://download.pytorch.org/models/mobilenet_v2-7ebf99e0.pth');
    expect(MobileNet_V2_Weights.DEFAULT.meta.numParams).toBe(modelVariants('mobilenet_v2')[0].num_params);
    expect(MobileNet_V2_Weights.DEFAULT.meta.metrics['ImageNet-1K']['acc@1']).toBe(72.154);
  });

  it('rejects a numClasses the weights do not have, a bad block setting and an illegal stride', async () => {
    await expect(mobilenet_v2({ weights: 'IMAGENET1K_V1', numClasses: 2 })).rejects.toThrow("mobilenet_v2: The parameter 'numClasses' expected value 1000 but got 2 instead.");
    throwsExactly(() => new MobileNetV2({ invertedResidualSetting: [] }), ValueError, 'MobileNetV2: invertedResidualSetting should be non-empty or a 4-element list, got []');
    throwsExactly(() => new MobileNetV2({ invertedResidualSetting: [[1, 16, 1]] }), ValueError, 'MobileNetV2: invertedResidualSetting should be non-empty or a 4-element list, got [[1,16,1]]');
    throwsExactly(() => new MobileNetV2InvertedResidual(16, 16, 3, 6), ValueError, 'InvertedResidual: stride should be 1 or 2 instead of 3');
  });
});
