import { manualSeed, noGrad, randn, ValueError } from '@dl/core';
import { load } from '@dl/core/node';
import { describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/transform-fixtures';
import { expectLogits, expectSameInit, keysOf, loadRuleWeights, modelsJson, modelsPath, parityFixture } from '../../test/support/model-fixtures';
import type { ModelFixture } from '../../test/support/model-rule-weights';
import { Fire, SqueezeNet, squeezenet1_0, squeezenet1_1 } from './squeezenet';

describe.each([
  ['squeezenet1_0', squeezenet1_0],
  ['squeezenet1_1', squeezenet1_1],
] as const)('%s', (name, build) => {
  it("has torchvision's keys, repr and seeded initialisation, and its logits with the rule weights", async () => {
    const fx = parityFixture(name);
    manualSeed(0);
    const model = await build({ numClasses: 10 });
    expect(keysOf(model)).toEqual(fx.keys);
    expect(model.toString()).toBe(fx.repr);
    expectSameInit(model, fx.init);
    loadRuleWeights(model);
    expectLogits(model, fx);
  });
});

describe('SqueezeNet', () => {
  it('loads a torch.save state dict key for key and gives its logits', async () => {
    const fx = modelsJson<ModelFixture>('squeezenet1_1_c10.json');
    const model = new SqueezeNet('1_1', { numClasses: 10 });
    const sd = await load<Record<string, import('@dl/core').Tensor>>(modelsPath('squeezenet1_1_c10.pth'));
    expect(Object.keys(sd)).toEqual(fx.keys.map(([k]) => k));
    expect(model.loadStateDict(sd)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expectLogits(model, fx);
  });

  it('applies dropout in training mode only', () => {
    manualSeed(3);
    const model = new SqueezeNet('1_1', { numClasses: 4, dropout: 0.9 });
    const x = randn([1, 3, 24, 24]);
    const evalOut = noGrad(() => model.eval().forward(x)).tolist();
    expect(noGrad(() => model.forward(x)).tolist()).toEqual(evalOut);
    expect(noGrad(() => model.train().forward(x)).tolist()).not.toEqual(evalOut);
  });

  it('concatenates the expand branches in Fire', () => {
    const fire = new Fire(8, 2, 3, 5);
    expect(noGrad(() => fire.forward(randn([1, 8, 4, 4]))).shape).toEqual([1, 8, 4, 4]);
  });

  it('rejects an unknown version', () => {
    throwsExactly(() => new SqueezeNet('1_2' as never), ValueError, 'SqueezeNet: Unsupported SqueezeNet version 1_2: 1_0 or 1_1 expected');
  });
});
