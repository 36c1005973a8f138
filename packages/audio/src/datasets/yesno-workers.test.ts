import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLoader, type Tensor } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveArchive } from '../../test/fixtures/datasets/support';
import { padCollate } from './pad-collate';
import { YESNO } from './yesno';

let server: TestServer;
let root: string;
let yesno: YESNO;
beforeAll(async () => {
  server = await startTestServer();
  root = await mkdtemp(join(tmpdir(), 'dl-yesno-workers-'));
  const { url, checksum } = serveArchive(server, 'YESNO');
  yesno = await new YESNO(root, { url, checksum, download: true, downloadOptions: { progress: false } }).prepare();
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

type Plain = { shape: number[]; data: number[] };
const plain = (t: Tensor): Plain => ({ shape: t.shape, data: Array.from(t.dataSync()) });

async function collect(loader: AsyncIterable<[Tensor, Tensor, Tensor, Tensor[]]>): Promise<Plain[][]> {
  const out: Plain[][] = [];
  for await (const [waveforms, lengths, sampleRates, labels] of loader) out.push([plain(waveforms), plain(lengths), plain(sampleRates), ...labels.map(plain)]);
  return out;
}

describe('YESNO in DataLoader worker threads', () => {
  it('is rebuilt in 2 workers from its workerSpec, and padCollate pads there, giving the batches of the main thread', async () => {
    const requests = server.requests.length;

    const inline = await collect(new DataLoader(yesno, { batchSize: 2, collateFn: padCollate({ padValue: -1 }) }));
    const getItem = vi.spyOn(yesno, 'getItem');
    const parallel = await collect(new DataLoader(yesno, { batchSize: 2, numWorkers: 2, collateFn: padCollate({ padValue: -1 }) }));
    expect(getItem).not.toHaveBeenCalled();
    getItem.mockRestore();

    expect(parallel.map(([w]) => w!.shape)).toEqual([
      [2, 1, 64],
      [2, 1, 40],
      [1, 1, 48],
    ]);
    expect(parallel).toEqual(inline);
    // The workers read the extracted files; nothing was downloaded again.
    expect(server.requests.length).toBe(requests);
  });

  it('works with the default collate and batchSize 1 in workers, shuffled', async () => {
    const shapes: number[][] = [];
    for await (const [waveform, sampleRate, labels] of new DataLoader(yesno, { batchSize: 1, shuffle: true, numWorkers: 2 })) {
      shapes.push(waveform.shape);
      expect(sampleRate.tolist()).toEqual([8000]);
      expect(labels).toHaveLength(8);
    }
    expect(shapes.map((s) => s[2]).sort((a, b) => a! - b!)).toEqual([33, 40, 48, 56, 64]);
  });
});
