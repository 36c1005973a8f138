import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataLoader, type Tensor } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { idxBytes, imagePixels } from '../../test/support/idx-bytes';
import { LocalMNIST } from '../../test/support/local-mnist';
import { md5 } from '../../test/support/local-resources';
import type { Image } from '../image/image';
import { Compose } from '../transforms/compose';
import { Normalize } from '../transforms/normalize';
import { ToTensor } from '../transforms/to-tensor';

const LABELS = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4];
const FILES: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [10, 28, 28], imagePixels(10, 28, 28))),
  'train-labels-idx1-ubyte.gz': gzipSync(idxBytes('uint8', [10], LABELS)),
  't10k-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [1, 28, 28], imagePixels(1, 28, 28))),
  't10k-labels-idx1-ubyte.gz': gzipSync(idxBytes('uint8', [1], [7])),
};

let root: string;
let server: TestServer;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-mnist-workers-'));
  server = await startTestServer();
  for (const [file, body] of Object.entries(FILES)) server.route(`/${file}`, { body });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function batches(loader: DataLoader<[Tensor, number]>): Promise<[number[], number[], number[]][]> {
  const out: [number[], number[], number[]][] = [];
  for await (const [x, y] of loader as AsyncIterable<[Tensor, Tensor]>) out.push([x.shape, Array.from(x.dataSync()), Array.from(y.dataSync())]);
  return out;
}

describe('MNIST in DataLoader worker threads', () => {
  it('decodes items in 2 workers (rebuilt from workerSpec with root and options) exactly as in the main thread', async () => {
    const options = {
      origin: server.url('').replace(/\/$/, ''),
      md5s: Object.fromEntries(Object.entries(FILES).map(([f, b]) => [f, md5(b)])),
      download: true,
      downloadOptions: { progress: false as const },
      transform: new Compose<Image, Tensor>([new ToTensor(), new Normalize([0.1307], [0.3081])]),
    };
    const mnist = await new LocalMNIST<Tensor, number>(root, options).prepare();
    const spec = mnist.workerSpec();
    expect([spec.export, spec.args]).toEqual(['LocalMNIST', [root, options]]);

    const inline = await batches(new DataLoader(mnist, { batchSize: 4 }));
    const getItem = vi.spyOn(mnist, 'getItem');
    const parallel = await batches(new DataLoader(mnist, { batchSize: 4, numWorkers: 2 }));
    expect(getItem).not.toHaveBeenCalled();
    getItem.mockRestore();

    expect(parallel.map(([shape, , y]) => [shape, y])).toEqual([
      [[4, 1, 28, 28], [5, 0, 4, 1]],
      [[4, 1, 28, 28], [9, 2, 1, 3]],
      [[2, 1, 28, 28], [1, 4]],
    ]);
    expect(parallel).toEqual(inline);
    // Pixel (y=2, x=3) of item 1 is (31 + 14 + 9) / 255, normalized.
    expect(parallel[0]![1][784 + 2 * 28 + 3]).toBeCloseTo((54 / 255 - 0.1307) / 0.3081, 5);
  });
});
