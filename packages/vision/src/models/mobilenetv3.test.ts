import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, nn, noGrad, type Tensor, ValueError } from '@dl/core';
import { ChecksumError, load, save } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/color-fixtures';
import { camelOptions, closeness, countParams, loadRuleWeights, modelFixture, modelVariants, ruleInput, stateKeys, torchText } from '../../test/support/model-rule-weights';
import { InvertedResidualConfig, MobileNet_V3_Large_Weights, MobileNet_V3_Small_Weights, MobileNetV3, MobileNetV3InvertedResidual, mobilenet_v3_large, mobilenet_v3_small } from './mobilenetv3';
import { setHubDir } from './weights/hub-dir';

const backend = process.env.DL_BACKEND;

describe('mobilenet_v3_small', () => {
  const fx = modelFixture('mobilenet_v3_small');
  let model: MobileNetV3;
  beforeAll(async () => {
    model = await mobilenet_v3_small({ numClasses: 10 });
    loadRuleWeights(model);
  });

  it("has torchvision's state-dict keys, shapes and module text", () => {
    expect(stateKeys(model)).toEqual(fx.keys);
    expect(torchText(model)).toBe(fx.repr);
  });

  it('gives PyTorch logits within 1e-4 in eval mode', () => {
    const logits = noGrad(() => model.eval().forward(ruleInput(fx.input_shape)));
    expect(logits.shape).toEqual(fx.logits.shape);
    const { ratio, maxAbs } = closeness(logits, fx.logits);
    console.log(`[parity ${backend}] mobilenet_v3_small max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);
  });

  it('normalises with batch statistics in train mode and updates the running ones with momentum 0.01', async () => {
    const m = await mobilenet_v3_small({ numClasses: 10 });
    loadRuleWeights(m);
    const pooled = noGrad(() => m.train().features.forward(ruleInput(fx.input_shape)).mean([2, 3]));
    expect(closeness(pooled, fx.train_features_pooled!).ratio).toBeLessThanOrEqual(1);
    for (const [key, expected] of Object.entries(fx.train_running!)) expect(closeness(m.getBuffer(key), expected).ratio, key).toBeLessThanOrEqual(1);
    expect(m.getBuffer('features.0.1.num_batches_tracked').item()).toBe(fx.train_num_batches_tracked);
  });

  it('loads a torch.save state dict of a variant (width 0.25, reduced tail, dilated) key for key', async () => {
    const tiny = modelFixture('mobilenet_v3_small_tiny');
    const m = await mobilenet_v3_small(camelOptions(tiny.kwargs));
    const sd = await load<Record<string, Tensor>>(new URL('../../test/fixtures/models/mobilenet_v3_small_tiny.pth', import.meta.url));
    expect(Object.keys(sd)).toEqual(tiny.keys.map(([k]) => k));
    expect(m.loadStateDict(sd)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(stateKeys(m)).toEqual(tiny.keys);
    const logits = noGrad(() => m.eval().forward(ruleInput(tiny.input_shape)));
    const { ratio, maxAbs } = closeness(logits, tiny.logits);
    console.log(`[parity ${backend}] mobilenet_v3_small (.pth variant) max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);
  });

  it('uses Dropout only in training mode', () => {
    const x = ruleInput([1, 3, 32, 32]);
    const a = noGrad(() => model.eval().forward(x).tolist());
    expect(noGrad(() => model.forward(x).tolist())).toEqual(a);
    expect(model.classifier[2].training).toBe(false);
    model.train();
    expect(model.classifier[2].training).toBe(true);
    model.eval();
  });
});

describe('mobilenet_v3_large', () => {
  it("has torchvision's keys and module text and gives PyTorch logits within 1e-4", async () => {
    const fx = modelFixture('mobilenet_v3_large');
    const model = await mobilenet_v3_large({ numClasses: 10 });
    loadRuleWeights(model);
    expect(stateKeys(model)).toEqual(fx.keys);
    expect(torchText(model)).toBe(fx.repr);
    const logits = noGrad(() => model.eval().forward(ruleInput(fx.input_shape)));
    const { ratio, maxAbs } = closeness(logits, fx.logits);
    console.log(`[parity ${backend}] mobilenet_v3_large max |diff| ${maxAbs.toExponential(2)}, ${ratio.toFixed(3)} of the 1e-4 tolerance`);
    expect(ratio).toBeLessThanOrEqual(1);
  });
});

describe('MobileNetV3 builders', () => {
  it.each([...modelVariants('mobilenet_v3_small'), ...modelVariants('mobilenet_v3_large')])('builds $model $kwargs as torchvision does', async (v) => {
    const build = v.model === 'mobilenet_v3_small' ? mobilenet_v3_small : mobilenet_v3_large;
    const model = (await build(camelOptions(v.kwargs))).eval();
    expect([countParams(model), Object.keys(model.stateDict()).length]).toEqual([v.num_params, v.num_state]);
    expect(noGrad(() => model.features.forward(ruleInput([1, 3, 32, 32]))).shape).toEqual(v.features_shape_32);
  });

  it('has the weights of torchvision 0.14, each fitting the default model', () => {
    expect(MobileNet_V3_Small_Weights.keys()).toEqual(['IMAGENET1K_V1', 'DEFAULT']);
    expect(MobileNet_V3_Small_Weights.DEFAULT.url).toBe('https://download.pytorch.org/models/mobilenet_v3_small-047dcff4.pth');
    expect(MobileNet_V3_Large_Weights.keys()).toEqual(['IMAGENET1K_V1', 'IMAGENET1K_V2', 'DEFAULT']);
    expect(MobileNet_V3_Large_Weights.IMAGENET1K_V1.url).toBe('https://download.pytorch.org/models/mobilenet_v3_large-8738ca79.pth');
    expect(MobileNet_V3_Large_Weights.DEFAULT).toBe(MobileNet_V3_Large_Weights.IMAGENET1K_V2);
    expect(MobileNet_V3_Large_Weights.DEFAULT.url).toBe('https://download.pytorch.org/models/mobilenet_v3_large-5c1a4163.pth');
    expect(MobileNet_V3_Large_Weights.DEFAULT.meta.numParams).toBe(modelVariants('mobilenet_v3_large')[0].num_params);
    expect(MobileNet_V3_Small_Weights.DEFAULT.meta.numParams).toBe(modelVariants('mobilenet_v3_small')[0].num_params);
    expect(MobileNet_V3_Small_Weights.DEFAULT.meta.categories).toHaveLength(1000);
    expect(MobileNet_V3_Large_Weights.DEFAULT.transforms().toString()).toBe(
      'ImageClassification(\n    crop_size=[224]\n    resize_size=[232]\n    mean=[0.485, 0.456, 0.406]\n    std=[0.229, 0.224, 0.225]\n    interpolation=InterpolationMode.BILINEAR\n)',
    );
  });

  it('rejects weights of another model, unknown weights and a numClasses the weights do not have', async () => {
    await expect(mobilenet_v3_small({ weights: MobileNet_V3_Large_Weights.DEFAULT as never })).rejects.toThrow(
      new ValueError('mobilenet_v3_small: expected weights of MobileNet_V3_Small_Weights, got MobileNet_V3_Large_Weights.IMAGENET1K_V2'),
    );
    await expect(mobilenet_v3_small({ weights: 'IMAGENET1K_V2' as never })).rejects.toThrow(
      "mobilenet_v3_small: unknown weights 'IMAGENET1K_V2' (choose from IMAGENET1K_V1, DEFAULT of MobileNet_V3_Small_Weights, or null)",
    );
    await expect(mobilenet_v3_large({ weights: 'DEFAULT', numClasses: 10 })).rejects.toThrow("mobilenet_v3_large: The parameter 'numClasses' expected value 1000 but got 10 instead.");
  });

  it('rejects an empty or mistyped block setting and an illegal stride', () => {
    throwsExactly(() => new MobileNetV3([], 1024), ValueError, 'MobileNetV3: the invertedResidualSetting should not be empty');
    throwsExactly(() => new MobileNetV3([[16, 3]] as never, 1024), ArgumentTypeError, 'MobileNetV3: the invertedResidualSetting should be an array of InvertedResidualConfig');
    const cnf = new InvertedResidualConfig(16, 3, 16, 16, true, 'RE', 3, 1, 1.0);
    throwsExactly(() => new MobileNetV3InvertedResidual(cnf, (c) => new nn.BatchNorm2d(c)), ValueError, 'InvertedResidual: illegal stride value 3 (expected 1 or 2)');
  });
});

describe('mobilenet_v3_small weights download', () => {
  let dir: string;
  let server: TestServer;
  let source: MobileNetV3;
  let bytes: Uint8Array;
  let hashName: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dl-mobilenetv3-'));
    source = await mobilenet_v3_small();
    loadRuleWeights(source);
    await save(source.stateDict(), join(dir, 'source.pth'), { format: 'torch' });
    bytes = readFileSync(join(dir, 'source.pth'));
    hashName = `mobilenet_v3_small-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pth`;
    server = await startTestServer({ [`/${hashName}`]: { body: bytes }, '/mobilenet_v3_small-00000000.pth': { body: bytes } });
  });
  afterAll(async () => {
    setHubDir(undefined);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sameAsSource = (m: MobileNetV3) => {
    const x = ruleInput([1, 3, 32, 32]);
    noGrad(() => expect(m.eval().forward(x).tolist()).toEqual(source.eval().forward(x).tolist()));
  };

  it('downloads into the hub cache, checks the hash prefix, loads key for key and then uses the cache', async () => {
    setHubDir(join(dir, 'hub'));
    const weights = MobileNet_V3_Small_Weights.IMAGENET1K_V1.withUrl(server.url(`/${hashName}`));
    sameAsSource(await mobilenet_v3_small({ weights, progress: false }));
    expect(existsSync(join(dir, 'hub', 'checkpoints', hashName))).toBe(true);
    await mobilenet_v3_small({ weights, progress: false });
    expect(server.hits(`/${hashName}`)).toBe(1);
    const bad = MobileNet_V3_Small_Weights.IMAGENET1K_V1.withUrl(server.url('/mobilenet_v3_small-00000000.pth'));
    await expect(mobilenet_v3_small({ weights: bad, progress: false })).rejects.toBeInstanceOf(ChecksumError);
    expect(existsSync(join(dir, 'hub', 'checkpoints', 'mobilenet_v3_small-00000000.pth'))).toBe(false);
  });

  it("takes torchvision's file from the cache for weights: 'DEFAULT' and the legacy pretrained: true", async () => {
    setHubDir(join(dir, 'hub2'));
    const cached = join(dir, 'hub2', 'checkpoints');
    mkdirSync(cached, { recursive: true });
    copyFileSync(join(dir, 'source.pth'), join(cached, 'mobilenet_v3_small-047dcff4.pth'));
    sameAsSource(await mobilenet_v3_small({ weights: 'DEFAULT', progress: false }));
    sameAsSource(await mobilenet_v3_small({ pretrained: true, progress: false }));
    sameAsSource(await mobilenet_v3_small({ weights: 'MobileNet_V3_Small_Weights.IMAGENET1K_V1', progress: false }));
  });
});
