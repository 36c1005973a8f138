import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualSeed } from '@dl/core';
import { startTestServer } from '@dl/core/testing';
import { models } from '@dl/vision';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadResNet18 } from './load-resnet18';

let hub: string;
beforeEach(() => {
  hub = mkdtempSync(join(tmpdir(), 'vision-transfer-hub-'));
  models.setHubDir(hub);
});
afterEach(() => {
  models.setHubDir(undefined);
  rmSync(hub, { recursive: true, force: true });
});

/** A 127.0.0.1 port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const weightsOf = (m: models.ResNet) => Array.from(m.conv1.weight.dataSync());

describe('loadResNet18', () => {
  it('gives seeded random weights and a note naming the file and the cache folder when nothing listens', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/resnet18-f37072fd.pth`;
    manualSeed(7);
    const r = await loadResNet18({ weightsUrl: url, progress: false });
    expect(r.pretrained).toBe(false);
    expect(r.note).toBe(
      [
        'Note: the pretrained ImageNet weights (ResNet18_Weights.IMAGENET1K_V1) could not be downloaded, so resnet18 starts from seeded RANDOM weights.',
        `  (downloadUrl: cannot get ${url}: connect ECONNREFUSED ${new URL(url).host} (ECONNREFUSED))`,
        `  To fine-tune the real weights, download ${url}`,
        `  and put resnet18-f37072fd.pth into ${join(hub, 'checkpoints')}/ (set DL_HOME to move that folder), then run again.`,
      ].join('\n'),
    );
    expect(r.cachePath).toBe(join(hub, 'checkpoints', 'resnet18-f37072fd.pth'));
    expect(r.model.fc.weight.shape).toEqual([1000, 512]);
    manualSeed(7);
    expect(weightsOf(r.model)).toEqual(weightsOf(await models.resnet18()));
  });

  it('names torchvision\'s file and URL by default, and asks nothing with pretrained: false', async () => {
    const server = await startTestServer({ '/resnet18-f37072fd.pth': { status: 404 } });
    try {
      const r = await loadResNet18({ pretrained: false, weightsUrl: server.url('/resnet18-f37072fd.pth') });
      expect(r).toMatchObject({ pretrained: false, note: null });
      expect(server.requests).toEqual([]);
      const official = await loadResNet18({ pretrained: false });
      expect(official.weights.url).toBe('https://download.pytorch.org/models/resnet18-f37072fd.pth');
      expect(official.cachePath).toBe(join(hub, 'checkpoints', 'resnet18-f37072fd.pth'));
    } finally {
      await server.close();
    }
  });
});
