import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, nn, ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../../test/support/transform-fixtures';
import { modelsPath } from '../../../test/support/model-fixtures';
import { ResNet50_Weights } from '../resnet-weights';
import { SqueezeNet } from '../squeezenet';
import { SqueezeNet1_1_Weights } from '../squeezenet-weights';
import { VGG16_Weights } from '../vgg-weights';
import { setHubDir } from '../weights/hub-dir';
import { Weights } from '../weights/weights-enum';
import { loadWeights, overwriteNamedParam, resolveNumClasses, resolveWeights } from './model-options';

describe('resolveWeights', () => {
  const legacy = ResNet50_Weights.IMAGENET1K_V1;
  it('verifies weights against the enum', () => {
    expect(resolveWeights('resnet50', ResNet50_Weights, {}, legacy)).toBeNull();
    expect(resolveWeights('resnet50', ResNet50_Weights, { weights: null }, legacy)).toBeNull();
    expect(resolveWeights('resnet50', ResNet50_Weights, { weights: 'DEFAULT' }, legacy)).toBe(ResNet50_Weights.IMAGENET1K_V2);
    expect(resolveWeights('resnet50', ResNet50_Weights, { weights: 'ResNet50_Weights.IMAGENET1K_V1' }, legacy)).toBe(legacy);
  });

  it("maps the legacy pretrained: true to torchvision 0.14's choice (IMAGENET1K_V1, not DEFAULT)", () => {
    expect(resolveWeights('resnet50', ResNet50_Weights, { pretrained: true }, legacy)).toBe(ResNet50_Weights.IMAGENET1K_V1);
    expect(resolveWeights('resnet50', ResNet50_Weights, { pretrained: false }, legacy)).toBeNull();
    throwsExactly(() => resolveWeights('mynet', ResNet50_Weights, { pretrained: true }, null), ValueError, 'mynet: No weights available for model mynet');
    throwsExactly(() => resolveWeights('resnet50', ResNet50_Weights, { pretrained: 'yes' as never }, legacy), ArgumentTypeError, 'resnet50: pretrained must be a boolean, got string');
    throwsExactly(
      () => resolveWeights('resnet50', ResNet50_Weights, { pretrained: false, weights: null }, legacy),
      ValueError,
      'resnet50: pass weights or the deprecated pretrained, not both (got weights null and pretrained false)',
    );
  });
});

describe('resolveNumClasses', () => {
  it("takes the weights' number of categories, and numClasses must agree with it", () => {
    expect(resolveNumClasses('resnet50', null, undefined)).toBe(1000);
    expect(resolveNumClasses('resnet50', null, 10)).toBe(10);
    expect(resolveNumClasses('resnet50', ResNet50_Weights.DEFAULT, undefined)).toBe(1000);
    expect(resolveNumClasses('resnet50', ResNet50_Weights.DEFAULT, 1000)).toBe(1000);
    throwsExactly(() => resolveNumClasses('resnet50', ResNet50_Weights.DEFAULT, 10), ValueError, "resnet50: The parameter 'numClasses' expected value 1000 but got 10 instead.");
    // Feature-extractor weights have no categories, so any head size goes.
    expect(resolveNumClasses('vgg16', VGG16_Weights.IMAGENET1K_FEATURES, 10)).toBe(10);
  });

  it('rejects a numClasses that is not a positive integer', () => {
    for (const bad of [0, -1, 2.5]) throwsExactly(() => resolveNumClasses('m', null, bad), ValueError, `m: numClasses must be a positive integer, got ${bad}`);
    throwsExactly(() => resolveNumClasses('m', null, '10' as never), ValueError, 'm: numClasses must be a positive integer, got string');
  });

  it('overwriteNamedParam keeps the expected value', () => {
    expect(overwriteNamedParam('m', 'p', undefined, 3)).toBe(3);
    expect(overwriteNamedParam('m', 'p', 3, 3)).toBe(3);
    throwsExactly(() => overwriteNamedParam('m', 'p', 4, 3), ValueError, "m: The parameter 'p' expected value 3 but got 4 instead.");
  });
});

describe('loadWeights', () => {
  let server: TestServer;
  let hub: string;
  const bytes = readFileSync(modelsPath('squeezenet1_1_c10.pth'));
  const file = `sq-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pth`;
  let weights: Weights;
  beforeAll(async () => {
    hub = mkdtempSync(join(tmpdir(), 'dl-load-weights-'));
    setHubDir(hub);
    server = await startTestServer({ [`/${file}`]: { body: bytes } });
    weights = SqueezeNet1_1_Weights.DEFAULT.withUrl(server.url(`/${file}`));
  });
  afterAll(async () => {
    setHubDir(undefined);
    await server.close();
    rmSync(hub, { recursive: true, force: true });
  });

  it('loads strictly, after an optional key remap', async () => {
    const model = new SqueezeNet('1_1', { numClasses: 10 });
    const seen: string[] = [];
    await loadWeights(model, weights, false, (sd) => {
      seen.push(...Object.keys(sd));
      return sd;
    });
    expect(seen).toContain('classifier.1.weight');
    expect(model.classifier.stateDict()['1.bias']!.shape).toEqual([10]);
  });

  it('fails with the state-dict error naming the keys when the model differs', async () => {
    const model = new SqueezeNet('1_1', { numClasses: 10 });
    model.registerModule('extra', new nn.Linear(2, 2));
    const error = await loadWeights(model, weights, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(nn.StateDictError);
    expect((error as Error).message).toMatch(/Missing key\(s\) in state_dict: "extra\.weight", "extra\.bias"/);
  });
});
