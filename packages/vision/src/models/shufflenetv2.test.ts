import { arange, noGrad, ShapeError, ValueError, zeros } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/color-fixtures';
import { camelOptions, closeness, countParams, loadRuleWeights, modelFixture, modelVariants, ruleInput, stateKeys, torchText } from '../../test/support/model-rule-weights';
import { channelShuffle, ShuffleNet_V2_X1_0_Weights, ShuffleNetV2, ShuffleNetV2InvertedResidual, shufflenet_v2_x1_0 } from './shufflenetv2';

const backend = process.env.DL_BACKEND;

describe('shufflenet_v2_x1_0', () => {
  it("has torchvision's keys and module text and gives PyTorch logits within 1e-4", async () => {
    const fx = modelFixture('shufflenet_v2_x1_0');
    const model = await shufflenet_v2_x1_0({ numClasses: 10 });
    loadRuleWeights(model);
    expect(stateKeys(model)).toEqual(fx.keys);
    expect(torchText(model)).toBe(fx.repr);
    const logits = noGrad(() => model.eval().forward(ruleInput(fx.input_shape)));
    const { ratio, maxAbs } = closeness(logits, fx.logits);
    console.log(`[parity ${backend}] shufflenet_v2_x1_0 max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);
  });

  it.each(modelVariants('shufflenet_v2_x1_0'))('builds $kwargs as torchvision does', async (v) => {
    const model = await shufflenet_v2_x1_0(camelOptions(v.kwargs));
    expect([countParams(model), Object.keys(model.stateDict()).length]).toEqual([v.num_params, v.num_state]);
  });

  it('has the weights of torchvision 0.14', () => {
    expect(ShuffleNet_V2_X1_0_Weights.keys()).toEqual(['IMAGENET1K_V1', 'DEFAULT']);
    expect(ShuffleNet_V2_X1_0_Weights.DEFAULT.url).toBe('https://download.pytorch.org/models/shufflenetv2_x1-5666bf0f80.pth');
    expect(ShuffleNet_V2_X1_0_Weights.DEFAULT.meta.numParams).toBe(modelVariants('shufflenet_v2_x1_0')[0].num_params);
  });

  it('rejects stage lists of the wrong length, bad unit settings and a numClasses the weights do not have', async () => {
    await expect(shufflenet_v2_x1_0({ pretrained: true, numClasses: 10 })).rejects.toThrow("shufflenet_v2_x1_0: The parameter 'numClasses' expected value 1000 but got 10 instead.");
    throwsExactly(() => new ShuffleNetV2([4, 8], [24, 116, 232, 464, 1024]), ValueError, 'ShuffleNetV2: expected stagesRepeats as list of 3 positive ints, got [4,8]');
    throwsExactly(() => new ShuffleNetV2([4, 8, 4], [24, 116]), ValueError, 'ShuffleNetV2: expected stagesOutChannels as list of 5 positive ints, got [24,116]');
    throwsExactly(() => new ShuffleNetV2InvertedResidual(24, 116, 4), ValueError, 'InvertedResidual: illegal stride value 4 (expected 1, 2 or 3)');
    throwsExactly(
      () => new ShuffleNetV2InvertedResidual(24, 116, 1),
      ValueError,
      'InvertedResidual: invalid combination of stride 1, inp 24 and oup 116 values. If stride == 1 then inp should be equal to oup // 2 << 1.',
    );
  });
});

describe('channelShuffle', () => {
  it('interleaves the channel groups like a view, transpose and flatten', () => {
    expect(channelShuffle(arange(6).reshape([1, 6, 1, 1]), 2).flatten().tolist()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(channelShuffle(arange(12).reshape([2, 6, 1, 1]), 3).reshape([2, 6]).tolist()).toEqual([
      [0, 2, 4, 1, 3, 5],
      [6, 8, 10, 7, 9, 11],
    ]);
  });

  it('rejects a tensor that is not [N, C, H, W] and groups that do not divide the channels', () => {
    throwsExactly(() => channelShuffle(zeros([6, 2, 2]), 2), ShapeError, 'channelShuffle: expected a [N, C, H, W] tensor, got shape [6, 2, 2]');
    throwsExactly(() => channelShuffle(zeros([1, 6, 2, 2]), 4), ValueError, 'channelShuffle: groups must be a positive integer dividing the 6 channels, got 4');
  });
});
