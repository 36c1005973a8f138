import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBackend, manualSeed, nn } from '@dl/core';
import { save } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { models } from '@dl/vision';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ParameterSnapshot, snapshotParameters } from './parameter-change';
import { type TransferOptions, trainTransfer } from './train';
import { writeShapesDataset } from './write-shapes-dataset';

const made: string[] = [];
const tmp = () => {
  made.push(mkdtempSync(join(tmpdir(), 'vision-transfer-')));
  return made[made.length - 1]!;
};
// The pure-JavaScript cpu backend (DL_BACKEND=cpu) convolves about 15 times slower than wasm.
const timeout = getBackend() === 'cpu' ? 600_000 : 60_000;

// A stand-in for torchvision's resnet18-f37072fd.pth: a resnet18 state dict with seeded random
// weights (another seed than the runs'), saved in PyTorch's format and named, as torchvision's
// files are, with the first 8 hex digits of its sha256.
const SERVED_SEED = 1234;
let served: { bytes: Buffer; name: string; params: ParameterSnapshot };
let server: TestServer;
let cacheDir: string;
let hub: string;

beforeAll(async () => {
  manualSeed(SERVED_SEED);
  const source = await models.resnet18();
  const file = join(tmp(), 'resnet18.pth');
  await save(source.stateDict(), file, { format: 'torch' });
  const bytes = readFileSync(file);
  const name = `resnet18-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pth`;
  served = { bytes, name, params: snapshotParameters(source) };
  server = await startTestServer({
    [`/models/${name}`]: { body: bytes },
    '/models/resnet18-f37072fd.pth': { status: 404 },
  });
  cacheDir = tmp();
}, timeout);
afterAll(async () => {
  await server?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  hub = tmp();
  models.setHubDir(hub);
});
afterEach(() => models.setHubDir(undefined));

/** A tiny run: 4 classes x 4 drawn images of 40 px (2 per class for validation), one epoch at 32 px. */
async function tinyRun(options: TransferOptions) {
  const lines: string[] = [];
  const r = await trainTransfer({
    epochs: 1,
    imageSize: 32,
    batchSize: 8,
    cacheDir,
    shapes: { trainPerClass: 4, valPerClass: 2, size: 40 },
    outDir: tmp(),
    log: (l) => lines.push(l),
    progress: null,
    ...options,
  });
  return { r, lines, notes: lines.filter((l) => l.startsWith('Note:')) };
}

/** The parameters under `prefix` (`layer1`) whose values differ between `module` and `reference` (names listed, so a failure stays readable). */
function differing(module: nn.Module, reference: ParameterSnapshot, prefix: string): string[] {
  const names = [...reference.keys()].filter((name) => name.startsWith(`${prefix}.`));
  expect(names.length).toBeGreaterThan(0);
  const now = snapshotParameters(module);
  return names.filter((name) => {
    const a = now.get(name)!;
    const b = reference.get(name)!;
    return a.length !== b.length || a.some((v, i) => v !== b[i]);
  });
}
const layerNames = (reference: ParameterSnapshot, prefix: string) => [...reference.keys()].filter((name) => name.startsWith(`${prefix}.`));

describe('trainTransfer', () => {
  it('falls back to seeded random weights with one note when the weights are unreachable; layer1 frozen, fc replaced, the rest trained', { timeout }, async () => {
    const url = server.url('/models/resnet18-f37072fd.pth');
    const { r, lines, notes } = await tinyRun({ weightsUrl: url, seed: 3 });

    expect(r.pretrained).toBe(false);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toBe(r.note);
    expect(r.note).toContain('could not be downloaded, so resnet18 starts from seeded RANDOM weights');
    expect(r.note).toContain('404');
    expect(r.note).toContain(`put resnet18-f37072fd.pth into ${join(hub, 'checkpoints')}/`);
    expect(r.weightsPath).toBe(join(hub, 'checkpoints', 'resnet18-f37072fd.pth'));
    expect(existsSync(r.weightsPath)).toBe(false);
    expect(lines).toContain('Model: resnet18 with random weights (seed 3)');

    expect(r.classes).toEqual(['circle', 'square', 'stripes', 'triangle']);
    expect(r.sizes).toEqual({ train: 16, val: 8 });
    expect(r.epochs).toBe(1);
    expect(r.history).toHaveLength(1);
    expect(r.finalValAccuracy).toBeGreaterThanOrEqual(0);
    expect(r.finalValAccuracy).toBeLessThanOrEqual(1);

    // The new head: Linear(512, 4), trained.
    expect(r.model.fc).toBeInstanceOf(nn.Linear);
    expect(r.model.fc.weight.shape).toEqual([4, 512]);
    expect(r.model.fc.bias!.shape).toEqual([4]);
    expect(r.model.toString()).toContain('(fc): Linear(in_features=512, out_features=4, bias=True)');

    // layer1: frozen and bit for bit the seeded random weights of a fresh resnet18 with that seed.
    expect(r.model.layer1.parameters().every((p) => !p.requiresGrad)).toBe(true);
    expect(r.layer1Unchanged).toBe(true);
    expect(r.parameterChange.layer1).toBe(0);
    manualSeed(3);
    const fresh = snapshotParameters(await models.resnet18());
    expect(differing(r.model, fresh, 'layer1')).toEqual([]);
    // Everything else trained.
    for (const name of ['conv1', 'bn1', 'layer2', 'layer3', 'layer4', 'fc']) expect(r.parameterChange[name], name).toBeGreaterThan(0);
    expect(differing(r.model, fresh, 'layer4')).toEqual(layerNames(fresh, 'layer4'));

    expect(readdirSync(join(r.checkpoint, '..')).sort()).toEqual([join(r.checkpoint).split('/').pop(), 'classes.json'].sort());
  });

  it('loads the weights from the server into the hub cache, then fine-tunes them with layer1 kept (one folder split by randomSplit)', { timeout }, async () => {
    const { trainDir } = await writeShapesDataset(cacheDir, { trainPerClass: 4, valPerClass: 2, size: 40 });
    const url = server.url(`/models/${served.name}`);
    const hitsBefore = server.hits(`/models/${served.name}`);
    const { r, lines, notes } = await tinyRun({ weightsUrl: url, dataDir: trainDir });

    expect(r.pretrained).toBe(true);
    expect(r.note).toBeNull();
    expect(notes).toEqual([]);
    expect(lines).toContain('Model: resnet18 with ResNet18_Weights.IMAGENET1K_V1 (ImageNet: tench, goldfish, great white shark, ... 1000 categories)');
    expect(server.hits(`/models/${served.name}`)).toBe(hitsBefore + 1);
    expect(r.weightsPath).toBe(join(hub, 'checkpoints', served.name));
    expect(readdirSync(join(hub, 'checkpoints'))).toEqual([served.name]);
    expect(readFileSync(r.weightsPath).equals(served.bytes)).toBe(true);

    // One folder of 16 images: randomSplit holds out 20%.
    expect(r.dataRoot).toBe(trainDir);
    expect(r.sizes.train + r.sizes.val).toBe(16);
    expect(r.sizes.val).toBe(3);

    // layer1 is exactly the served weights after training; the trained layers moved away from them.
    expect(differing(r.model, served.params, 'layer1')).toEqual([]);
    expect(r.layer1Unchanged).toBe(true);
    expect(differing(r.model, served.params, 'layer4')).toEqual(layerNames(served.params, 'layer4'));
    expect(differing(r.model, served.params, 'conv1')).toEqual(['conv1.weight']);
    expect(r.model.fc.weight.shape).toEqual([4, 512]);
  });

  it('repeats exactly with the same seed, in the main thread and with worker threads (the --workers flag)', { timeout }, async () => {
    const run = async (workers: number) => {
      const { r } = await tinyRun({ pretrained: false, workers, seed: 5 });
      return { history: r.history, change: r.parameterChange, confusion: r.confusion };
    };
    const inline = await run(0);
    expect(await run(0)).toEqual(inline);
    // Workers draw their augmentations from their own seeds (as in PyTorch), so only a repeat is compared.
    const threaded = await run(2);
    expect(await run(2)).toEqual(threaded);
    expect(threaded.change.layer1).toBe(0);
  });
});
