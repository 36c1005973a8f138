import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, ValueError } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../test/support/transform-fixtures';
import { expectLogits, modelsJson, modelsPath, rejectsExactly } from '../../test/support/model-fixtures';
import type { ModelFixture } from '../../test/support/model-rule-weights';
import { getModel, getModelBuilder, getModelWeights, getWeight, listModels } from './get-model';
import { resnet18 } from './resnet';
import { ResNet18_Weights, ResNet50_Weights } from './resnet-weights';
import { SqueezeNet, squeezenet1_1 } from './squeezenet';
import { SqueezeNet1_1_Weights } from './squeezenet-weights';
import { setHubDir } from './weights/hub-dir';
import { Weights } from './weights/weights-enum';

const NAMES = [
  'alexnet',
  'densenet121',
  'efficientnet_b0',
  'mobilenet_v2',
  'mobilenet_v3_large',
  'mobilenet_v3_small',
  'resnet101',
  'resnet18',
  'resnet34',
  'resnet50',
  'shufflenet_v2_x1_0',
  'squeezenet1_0',
  'squeezenet1_1',
  'vgg11',
  'vgg11_bn',
  'vgg16',
  'vgg16_bn',
];

describe('listModels', () => {
  it('lists the 17 registered models, sorted', () => {
    expect(listModels()).toEqual(NAMES);
  });
});

describe('getModel', () => {
  it('builds a model by name (case-insensitive) with its options', async () => {
    const model = await getModel('SqueezeNet1_1', { numClasses: 3 });
    expect(model).toBeInstanceOf(SqueezeNet);
    expect((model as SqueezeNet).numClasses).toBe(3);
    expect(getModelBuilder('squeezenet1_1')).toBe(squeezenet1_1);
  });

  it('rejects an unknown name, listing the known ones', async () => {
    await rejectsExactly(getModel('resnet19'), ValueError, `getModel: Unknown model resnet19 (available: ${NAMES.join(', ')})`);
    throwsExactly(() => getModelBuilder(18 as never), ArgumentTypeError, 'getModelBuilder: the model name must be a string, got number');
  });
});

describe('getModelWeights and getWeight', () => {
  it('find the weights enum of a model by name or builder', () => {
    expect(getModelWeights('resnet50')).toBe(ResNet50_Weights);
    expect(getModelWeights(resnet18)).toBe(ResNet18_Weights);
    throwsExactly(() => getModelWeights(async function mine() { return new SqueezeNet(); }), ValueError, 'getModelWeights: mine is not a registered model builder');
  });

  it('find a weights entry by its full name', () => {
    expect(getWeight('ResNet50_Weights.IMAGENET1K_V2')).toBe(ResNet50_Weights.IMAGENET1K_V2);
    expect(getWeight('ResNet50_Weights.DEFAULT')).toBe(ResNet50_Weights.IMAGENET1K_V2);
    throwsExactly(() => getWeight('IMAGENET1K_V1'), ValueError, "getWeight: Invalid weight name provided: 'IMAGENET1K_V1' (expected '<Enum>.<ENTRY>', e.g. 'ResNet18_Weights.IMAGENET1K_V1')");
    throwsExactly(() => getWeight('ResNet19_Weights.IMAGENET1K_V1'), ValueError, "getWeight: The weight enum 'ResNet19_Weights' for the specific method couldn't be retrieved.");
    throwsExactly(() => getWeight('ResNet18_Weights.V9'), ValueError, "ResNet18_Weights: no weights called 'V9' (choose from IMAGENET1K_V1, DEFAULT)");
  });

  interface EntryMeta {
    url: string;
    transforms_repr: string;
    categories: { length: number; first: string; last: string } | null;
    num_params: number;
    min_size: [number, number];
    recipe: string;
    metrics: Record<string, Record<string, number | null>>;
    docs: string;
  }
  // An RST link (`text <url>`_) may be kept or reduced to its text.
  const plainDocs = (docs: string) => docs.replace(/`([^`<]+?) <[^>]+>`_/g, '$1');
  const meta = modelsJson<Record<string, { enum: string; default: string; legacy: string; entries: Record<string, EntryMeta> }>>('weights_meta.json');

  it.each(NAMES)("%s carries torchvision 0.14's weights: urls, metadata, transforms and DEFAULT", (name) => {
    const fx = meta[name]!;
    const e = getModelWeights(name);
    expect(e.name).toBe(fx.enum);
    expect(e.keys()).toEqual([...Object.keys(fx.entries), 'DEFAULT']);
    expect(e.fromStr('DEFAULT').name).toBe(fx.default);
    for (const [key, m] of Object.entries(fx.entries)) {
      const w = e.fromStr(key);
      expect(getWeight(`${fx.enum}.${key}`)).toBe(w);
      expect(w.url).toBe(m.url);
      expect(String(w.transforms())).toBe(m.transforms_repr);
      const categories = w.meta.categories;
      expect(categories && { length: categories.length, first: categories[0], last: categories[categories.length - 1] }).toEqual(m.categories);
      expect(w.meta.numParams).toBe(m.num_params);
      expect(w.meta.minSize).toEqual(m.min_size);
      expect(w.meta.recipe).toBe(m.recipe);
      const metrics = Object.fromEntries(Object.entries(w.meta.metrics).map(([ds, d]) => [ds, Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Number.isNaN(v) ? null : v]))]));
      expect(metrics).toEqual(m.metrics);
      expect(plainDocs(w.meta.docs)).toBe(plainDocs(m.docs));
    }
  });
});

describe('builders with weights from a server', () => {
  let server: TestServer;
  let hub: string;
  const bytes = readFileSync(modelsPath('squeezenet1_1_c10.pth'));
  const file = `squeezenet1_1-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pth`;
  const fx = modelsJson<ModelFixture>('squeezenet1_1_c10.json');
  let local: Weights;
  beforeAll(async () => {
    hub = mkdtempSync(join(tmpdir(), 'dl-get-model-'));
    setHubDir(hub);
    server = await startTestServer({ [`/models/${file}`]: { body: bytes } });
    // Ten-class weights of the squeezenet1_1 enum, served by the test server.
    const base = SqueezeNet1_1_Weights.IMAGENET1K_V1;
    local = new Weights('SqueezeNet1_1_Weights', 'TEN_CLASSES', {
      url: server.url(`/models/${file}`),
      transforms: () => base.transforms(),
      meta: { ...base.meta, categories: Array.from({ length: 10 }, (_, i) => `class ${i}`) },
    });
  });
  afterAll(async () => {
    setHubDir(undefined);
    await server.close();
    rmSync(hub, { recursive: true, force: true });
  });

  it('download the weights into the hub cache once, load them key for key and give their logits', async () => {
    const model = await squeezenet1_1({ weights: local, progress: false });
    expect(model.numClasses).toBe(10);
    expectLogits(model, fx);
    const again = await getModel('squeezenet1_1', { weights: local, progress: false });
    expectLogits(again, fx);
    expect(server.hits(`/models/${file}`)).toBe(1);
    expect(readFileSync(join(hub, 'checkpoints', file)).equals(bytes)).toBe(true);
  });

  it("reject weights of another model and a numClasses that contradicts the weights' categories", async () => {
    await rejectsExactly(resnet18({ weights: local as never }), ValueError, 'resnet18: expected weights of ResNet18_Weights, got SqueezeNet1_1_Weights.TEN_CLASSES');
    await rejectsExactly(squeezenet1_1({ weights: local, numClasses: 1000 }), ValueError, "squeezenet1_1: The parameter 'numClasses' expected value 10 but got 1000 instead.");
  });
});
