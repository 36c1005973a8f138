import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CollateError, DataLoader, type Tensor } from '@dl/core';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, serveArchive, torchaudioItems } from '../../test/fixtures/datasets/support';
import { padCollate } from './pad-collate';
import { YESNO } from './yesno';

let server: TestServer;
let root: string;
let yesno: YESNO;
beforeAll(async () => {
  server = await startTestServer();
  root = await mkdtemp(join(tmpdir(), 'dl-yesno-loader-'));
  const { url, checksum } = serveArchive(server, 'YESNO');
  // The seed: yesno_data = torchaudio.datasets.YESNO('.', download=True)
  yesno = await new YESNO(root, { url, checksum, download: true, downloadOptions: { progress: false } }).prepare();
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const expected = torchaudioItems.YESNO.map(({ item: [waveform, sampleRate, labels] }) => ({ waveform, sampleRate: sampleRate as number, labels: labels as number[] }));

describe('YESNO in a DataLoader', () => {
  it("goes straight into DataLoader(yesno, { batchSize: 1, shuffle: true }) with the default collate, as in the seed", async () => {
    const loader = new DataLoader(yesno, { batchSize: 1, shuffle: true });
    const seen: string[] = [];
    for await (const [waveform, sampleRate, labels] of loader) {
      expect(waveform.shape[0]).toBe(1);
      expect(sampleRate.tolist()).toEqual([8000]);
      // default_collate turns the list of 8 labels into 8 tensors of shape [1].
      expect(labels).toHaveLength(8);
      const words = labels.map((t) => (t.tolist() as number[])[0]!);
      const match = expected.find((e) => e.labels.join() === words.join())!;
      expect(waveform.shape).toEqual([1, ...match.waveform.shape]);
      expect(Array.from(waveform.dataSync())).toEqual(match.waveform.data);
      seen.push(words.join(''));
    }
    expect(seen.slice().sort()).toEqual(expected.map((e) => e.labels.join('')).sort());
  });

  it('batches 4 items with padCollate: padded waveforms, lengths, sample rates and the 8 label tensors', async () => {
    const loader = new DataLoader(yesno, { batchSize: 4, collateFn: padCollate() });
    const batches: [Tensor, Tensor, Tensor, Tensor[]][] = [];
    for await (const batch of loader) batches.push(batch);
    expect(batches.map(([w]) => w.shape)).toEqual([
      [4, 1, 64],
      [1, 1, 48],
    ]);
    const [waveforms, lengths, sampleRates, labels] = batches[0]!;
    expect(lengths.tolist()).toEqual(expected.slice(0, 4).map((e) => e.waveform.shape[1]));
    expect(sampleRates.tolist()).toEqual([8000, 8000, 8000, 8000]);
    expect(labels.map((t) => t.tolist())).toEqual(expected[0]!.labels.map((_, k) => expected.slice(0, 4).map((e) => e.labels[k])));
    const rows = waveforms.tolist() as number[][][];
    expected.slice(0, 4).forEach((e, b) => {
      const len = e.waveform.shape[1]!;
      expect(rows[b]![0]!.slice(0, len)).toEqual(e.waveform.data.map((v) => Math.fround(v)));
      expect(rows[b]![0]!.slice(len).every((v) => v === 0)).toBe(true);
    });
  });

  it("cannot stack YESNO's different lengths with the default collate (hence padCollate)", async () => {
    const loader = new DataLoader(yesno, { batchSize: 2 });
    const iterator = loader[Symbol.asyncIterator]();
    await expectError(
      iterator.next(),
      CollateError,
      `defaultCollate: stack expects each tensor to be equal size, but got [1, ${expected[0]!.waveform.shape[1]}] at batch position 0 and [1, ${expected[1]!.waveform.shape[1]}] at batch position 1 (at item[0])`,
    );
  });
});
