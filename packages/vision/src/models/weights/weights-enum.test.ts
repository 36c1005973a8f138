import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentTypeError, tensor, ValueError } from '@dl/core';
import { save } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwsExactly } from '../../../test/support/transform-fixtures';
import { modelsPath, rejectsExactly } from '../../../test/support/model-fixtures';
import { ResNet18_Weights, ResNet50_Weights } from '../resnet-weights';
import { SqueezeNet1_1_Weights } from '../squeezenet-weights';
import { setHubDir } from './hub-dir';
import { ImageClassification } from './image-classification';
import { IMAGENET_CATEGORIES } from './imagenet-categories';
import { Weights, weightsEnum } from './weights-enum';

describe('weightsEnum', () => {
  it('lists the entries, DEFAULT last, and the distinct weights without the alias', () => {
    expect(ResNet50_Weights.keys()).toEqual(['IMAGENET1K_V1', 'IMAGENET1K_V2', 'DEFAULT']);
    expect(Object.keys(ResNet50_Weights)).toEqual(['IMAGENET1K_V1', 'IMAGENET1K_V2', 'DEFAULT']);
    expect(ResNet50_Weights.values()).toEqual([ResNet50_Weights.IMAGENET1K_V1, ResNet50_Weights.IMAGENET1K_V2]);
    expect(ResNet50_Weights.DEFAULT).toBe(ResNet50_Weights.IMAGENET1K_V2);
    expect(ResNet50_Weights.name).toBe('ResNet50_Weights');
    expect(String(ResNet50_Weights)).toBe('ResNet50_Weights');
    expect(Object.isFrozen(ResNet50_Weights)).toBe(true);
  });

  it('finds entries by name and verifies what a builder is given, as torchvision does', () => {
    expect(ResNet50_Weights.fromStr('IMAGENET1K_V1')).toBe(ResNet50_Weights.IMAGENET1K_V1);
    throwsExactly(() => ResNet50_Weights.fromStr('V3'), ValueError, "ResNet50_Weights: no weights called 'V3' (choose from IMAGENET1K_V1, IMAGENET1K_V2, DEFAULT)");
    expect(ResNet50_Weights.verify(null)).toBeNull();
    expect(ResNet50_Weights.verify(undefined)).toBeNull();
    expect(ResNet50_Weights.verify('DEFAULT')).toBe(ResNet50_Weights.IMAGENET1K_V2);
    expect(ResNet50_Weights.verify('ResNet50_Weights.IMAGENET1K_V1')).toBe(ResNet50_Weights.IMAGENET1K_V1);
    expect(ResNet50_Weights.verify(ResNet50_Weights.IMAGENET1K_V1.withUrl('http://127.0.0.1/r.pth'))?.url).toBe('http://127.0.0.1/r.pth');
    throwsExactly(() => ResNet50_Weights.verify(ResNet18_Weights.DEFAULT, 'resnet50'), ValueError, 'resnet50: expected weights of ResNet50_Weights, got ResNet18_Weights.IMAGENET1K_V1');
    throwsExactly(() => ResNet50_Weights.verify(true), ValueError, 'ResNet50_Weights: weights must be a ResNet50_Weights entry, its name or null, got boolean true');
    throwsExactly(
      () => ResNet50_Weights.verify('resnet50'),
      ValueError,
      "ResNet50_Weights: unknown weights 'resnet50' (choose from IMAGENET1K_V1, IMAGENET1K_V2, DEFAULT of ResNet50_Weights, or null)",
    );
  });

  it('needs its DEFAULT among the entries', () => {
    const spec = { url: 'http://x/a-01234567.pth', transforms: () => new ImageClassification({ cropSize: 8 }), meta: ResNet18_Weights.DEFAULT.meta };
    throwsExactly(() => weightsEnum('My_Weights', { A: spec }, 'B' as never), ValueError, "weightsEnum: My_Weights has no entry 'B' to be its DEFAULT");
  });
});

describe('Weights', () => {
  it('carries its url, metadata, names and a fresh preprocessing transform', () => {
    const w = ResNet18_Weights.IMAGENET1K_V1;
    expect(w).toBeInstanceOf(Weights);
    expect(w.url).toBe('https://download.pytorch.org/models/resnet18-f37072fd.pth');
    expect(w.meta.categories).toBe(IMAGENET_CATEGORIES);
    expect(w.meta.numParams).toBe(11689512);
    expect([w.enumName, w.name, w.fullName, String(w)]).toEqual(['ResNet18_Weights', 'IMAGENET1K_V1', 'ResNet18_Weights.IMAGENET1K_V1', 'ResNet18_Weights.IMAGENET1K_V1']);
    expect(w.checkHash).toBe(true);
    const t = w.transforms();
    expect(t).toBeInstanceOf(ImageClassification);
    expect(w.transforms()).not.toBe(t);
    const v2 = ResNet50_Weights.DEFAULT.transforms() as ImageClassification;
    expect([v2.cropSize, v2.resizeSize]).toEqual([[224], [232]]);
  });

  it('keeps everything but the url in withUrl', () => {
    const w = ResNet18_Weights.IMAGENET1K_V1.withUrl('https://mirror.example/resnet18-f37072fd.pth');
    expect([w.fullName, w.url, w.meta, w.checkHash]).toEqual(['ResNet18_Weights.IMAGENET1K_V1', 'https://mirror.example/resnet18-f37072fd.pth', ResNet18_Weights.IMAGENET1K_V1.meta, true]);
    expect(w.transforms()).toBeInstanceOf(ImageClassification);
    throwsExactly(() => ResNet18_Weights.DEFAULT.withUrl(3 as never), ArgumentTypeError, 'Weights.withUrl: expected a URL string, got number');
  });

  it('rejects an incomplete spec', () => {
    throwsExactly(() => new Weights('A_Weights', 'X', { url: 'u' } as never), ArgumentTypeError, 'Weights: A_Weights.X needs a url string, a transforms function and a meta object');
  });

  describe('getStateDict', () => {
    let server: TestServer;
    let hub: string;
    const bytes = readFileSync(modelsPath('squeezenet1_1_c10.pth'));
    const prefix = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    beforeAll(async () => {
      hub = mkdtempSync(join(tmpdir(), 'dl-weights-'));
      await save([tensor([1, 2])], join(hub, 'list.pth'), { format: 'torch' });
      server = await startTestServer({
        [`/sq-${prefix}.pth`]: { body: bytes },
        '/list-00000000.pth': { file: join(hub, 'list.pth') },
      });
      setHubDir(join(hub, 'hub'));
    });
    afterAll(async () => {
      setHubDir(undefined);
      await server.close();
      rmSync(hub, { recursive: true, force: true });
    });

    it('downloads, checks the hash prefix and loads the state dict', async () => {
      const sd = await SqueezeNet1_1_Weights.DEFAULT.withUrl(server.url(`/sq-${prefix}.pth`)).getStateDict({ progress: false });
      expect(sd['features.0.weight']!.shape).toEqual([64, 3, 3, 3]);
      for (const t of Object.values(sd)) t.dispose();
    });

    it('rejects a checkpoint that is not a state dict', async () => {
      const url = server.url('/list-00000000.pth');
      const w = new Weights('List_Weights', 'V1', { url, transforms: () => new ImageClassification({ cropSize: 8 }), meta: ResNet18_Weights.DEFAULT.meta, checkHash: false });
      await rejectsExactly(w.getStateDict({ progress: false }), ValueError, `List_Weights.V1: ${url} does not hold a state dict (got a list)`);
    });
  });
});

describe('IMAGENET_CATEGORIES', () => {
  it("holds torchvision's 1000 class names in output order, frozen", () => {
    expect(IMAGENET_CATEGORIES).toHaveLength(1000);
    expect([IMAGENET_CATEGORIES[0], IMAGENET_CATEGORIES[281], IMAGENET_CATEGORIES[999]]).toEqual(['tench', 'tabby', 'toilet tissue']);
    expect(new Set(IMAGENET_CATEGORIES).size).toBe(1000);
    expect(Object.isFrozen(IMAGENET_CATEGORIES)).toBe(true);
  });
});
