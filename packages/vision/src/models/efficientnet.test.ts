import { ArgumentTypeError, manualSeed, nn, noGrad, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/color-fixtures';
import { camelOptions, closeness, countParams, loadRuleWeights, modelFixture, modelVariants, ruleInput, stateKeys, torchText } from '../../test/support/model-rule-weights';
import { EfficientNet, EfficientNet_B0_Weights, efficientnet_b0, MBConv, MBConvConfig } from './efficientnet';
import { MobileNet_V2_Weights } from './mobilenetv2';

const backend = process.env.DL_BACKEND;

describe('efficientnet_b0', () => {
  it("has torchvision's keys and module text and gives PyTorch logits within 1e-4", async () => {
    const fx = modelFixture('efficientnet_b0');
    const model = await efficientnet_b0({ numClasses: 10 });
    loadRuleWeights(model);
    expect(stateKeys(model)).toEqual(fx.keys);
    expect(torchText(model)).toBe(fx.repr);
    const logits = noGrad(() => model.eval().forward(ruleInput(fx.input_shape)));
    const { ratio, maxAbs } = closeness(logits, fx.logits);
    console.log(`[parity ${backend}] efficientnet_b0 max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);

    // Training mode drops residual branches (stochastic depth) and classifier inputs at random.
    model.train();
    const x = ruleInput([2, 3, 16, 16]);
    manualSeed(1);
    const a = noGrad(() => model.forward(x).tolist());
    manualSeed(2);
    expect(noGrad(() => model.forward(x).tolist())).not.toEqual(a);
    manualSeed(1);
    expect(noGrad(() => model.forward(x).tolist())).toEqual(a);
  });

  it.each(modelVariants('efficientnet_b0'))('builds $kwargs as torchvision does', async (v) => {
    const model = (await efficientnet_b0(camelOptions(v.kwargs))).eval();
    expect([countParams(model), Object.keys(model.stateDict()).length]).toEqual([v.num_params, v.num_state]);
    expect(noGrad(() => model.features.forward(ruleInput([1, 3, 32, 32]))).shape).toEqual(v.features_shape_32);
    // The drop probability grows linearly from 0 over the 16 blocks.
    const last = (model.features[7] as unknown as { 0: MBConv })[0];
    expect(last.stochastic_depth.p).toBe(((v.kwargs.stochastic_depth_prob as number | undefined) ?? 0.2) * 15 / 16);
  });

  it('has the weights of torchvision 0.14, evaluated with a bicubic resize', () => {
    expect(EfficientNet_B0_Weights.keys()).toEqual(['IMAGENET1K_V1', 'DEFAULT']);
    expect(EfficientNet_B0_Weights.DEFAULT.url).toBe('https://download.pytorch.org/models/efficientnet_b0_rwightman-3dd342df.pth');
    expect(EfficientNet_B0_Weights.DEFAULT.meta.numParams).toBe(modelVariants('efficientnet_b0')[0].num_params);
    expect(EfficientNet_B0_Weights.DEFAULT.transforms().toString()).toBe(
      'ImageClassification(\n    crop_size=[224]\n    resize_size=[256]\n    mean=[0.485, 0.456, 0.406]\n    std=[0.229, 0.224, 0.225]\n    interpolation=InterpolationMode.BICUBIC\n)',
    );
  });

  it('rejects weights of another model, a bad setting and an illegal stride', async () => {
    await expect(efficientnet_b0({ weights: MobileNet_V2_Weights.DEFAULT as never })).rejects.toThrow(
      'efficientnet_b0: expected weights of EfficientNet_B0_Weights, got MobileNet_V2_Weights.IMAGENET1K_V2',
    );
    throwsExactly(() => new EfficientNet([], 0.2), ValueError, 'EfficientNet: the invertedResidualSetting should not be empty');
    throwsExactly(() => new EfficientNet([{}] as never, 0.2), ArgumentTypeError, 'EfficientNet: the invertedResidualSetting should be an array of MBConvConfig');
    throwsExactly(() => new MBConv(new MBConvConfig(6, 3, 0, 16, 24, 1), 0, (c) => new nn.BatchNorm2d(c)), ValueError, 'MBConv: illegal stride value 0 (expected 1 or 2)');
  });
});
