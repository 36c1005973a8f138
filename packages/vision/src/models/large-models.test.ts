import { manualSeed, noGrad, type nn, randn, type Tensor } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { expectLogits, expectSameInit, keysOf, loadRuleWeights, modelsJson, parityFixture } from '../../test/support/model-fixtures';
import { alexnet } from './alexnet';
import { getModel } from './get-model';
import { vgg11_bn } from './vgg';

const LARGE = process.env.DL_TEST_LARGE_MODELS === '1';
const why = 'set DL_TEST_LARGE_MODELS=1 to build the full-size models (20M to 140M parameters, 1 to 1.5 minutes per backend)';

/** Frees a model's tensors now: the wasm heap would not hold all of these models at once. */
function free(model: nn.Module): void {
  for (const t of [...model.parameters(), ...model.buffers()]) t.dispose();
}

interface Structure {
  keys: [string, number[]][];
  repr: string;
  num_params: number;
}

describe.skipIf(!LARGE)(`full-size models (${LARGE ? 'DL_TEST_LARGE_MODELS=1' : why})`, () => {
  it("alexnet matches torchvision's logits and drops out in training mode only", async () => {
    const fx = parityFixture('alexnet');
    const model = await alexnet({ numClasses: 10 });
    loadRuleWeights(model);
    expectLogits(model, fx);
    const x = randn([1, 3, 63, 63]);
    const evalOut = noGrad(() => model.forward(x)).tolist();
    expect(noGrad(() => model.train().forward(x)).tolist()).not.toEqual(evalOut);
    free(model);
  });

  it("vgg11_bn has torchvision's seeded initialisation and logits", async () => {
    const fx = parityFixture('vgg11_bn');
    manualSeed(0);
    const model = await vgg11_bn({ numClasses: 10 });
    expect(keysOf(model)).toEqual(fx.keys);
    expectSameInit(model, fx.init);
    loadRuleWeights(model);
    expectLogits(model, fx);
    free(model);
  });

  const structures = modelsJson<Record<string, Structure>>('structures.json');
  it.each(['resnet34', 'resnet50', 'resnet101', 'vgg11', 'vgg11_bn', 'vgg16', 'vgg16_bn'])("%s has torchvision's keys, shapes, repr and size", async (name) => {
    const s = structures[name]!;
    manualSeed(0);
    const model = (await getModel(name)) as nn.Module;
    expect(keysOf(model)).toEqual(s.keys);
    expect(model.toString()).toBe(s.repr);
    expect(model.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(s.num_params);
    if (name.startsWith('resnet')) expect(noGrad(() => model.eval().call(randn([1, 3, 32, 32])) as Tensor).shape).toEqual([1, 1000]);
    free(model);
  });
});
