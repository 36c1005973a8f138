import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ChecksumError, DatasetError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetFixture, datasetJson, itemRecords, type ItemRecord } from '../../test/support/dataset-fixtures';
import { localResources, md5 } from '../../test/support/local-resources';
import { SVHN, type SVHNOptions, type SVHNSplit } from './svhn';

/** What torchvision 0.14's SVHN reads from the fixture files (gen_datasets.py). */
const EXPECTED = datasetJson<Record<SVHNSplit, { length: number; items: ItemRecord[] }>>('svhn/expected_svhn.json');
const FILES = Object.fromEntries((['train', 'test', 'extra'] as const).map((s) => [`${s}_32x32.mat`, datasetFixture(`svhn/${s}_32x32.mat`)]));

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-svhn-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function localSvhn(options: SVHNOptions = {}, files: Record<string, Uint8Array> = FILES, md5s?: Record<string, string>): SVHN {
  const real = SVHN.splitList[options.split ?? 'train'];
  const resources = localResources(server, [{ url: real[0], filename: real[1], md5: real[2] }], files, { md5: md5s });
  class LocalSVHN extends SVHN {
    protected override readonly resources = resources;
  }
  return new LocalSVHN(root, { download: true, downloadOptions: { progress: false }, ...options });
}

describe('SVHN', () => {
  it("keeps torchvision's URLs, file names and MD5s", () => {
    expect(SVHN.splitList).toEqual({
      train: ['http://ufldl.stanford.edu/housenumbers/train_32x32.mat', 'train_32x32.mat', 'e26dedcc434d2e4c54c9b2d4a06d8373'],
      test: ['http://ufldl.stanford.edu/housenumbers/test_32x32.mat', 'test_32x32.mat', 'eb5a983be6a315427106f1b164d9cef3'],
      extra: ['http://ufldl.stanford.edu/housenumbers/extra_32x32.mat', 'extra_32x32.mat', 'a93ce644f1a588dc4d68dda5feec44a7'],
    });
  });

  for (const split of ['train', 'test', 'extra'] as const) {
    it(`downloads ${split}_32x32.mat into root and reads the items torchvision reads`, async () => {
      const svhn = await localSvhn({ split }).prepare();
      await access(join(root, `${split}_32x32.mat`));
      expect(svhn.length).toBe(EXPECTED[split].length);
      expect(await itemRecords(svhn)).toEqual(EXPECTED[split].items);
    });
  }

  it('maps the label 10 to 0, has labels, data [N, 3, 32, 32] and the seed-style repr', async () => {
    const svhn = await localSvhn().prepare();
    expect(svhn.labels).toEqual([1, 0, 5]);
    expect(svhn.data.shape).toEqual([3, 3, 32, 32]);
    const [img] = await svhn.getItem(1);
    const data = svhn.data.tolist() as number[][][][];
    expect([data[1]![0]![0]![1], data[1]![2]![0]![1]]).toEqual([(img.getPixel(1, 0) as number[])[0], (img.getPixel(1, 0) as number[])[2]]);
    expect(String(svhn)).toBe(
      `Dataset SVHN\n    Number of datapoints: 3\n    Split: train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('refuses a download whose MD5 differs and does not use the file', async () => {
    const expected = 'ffffffffffffffffffffffffffffffff';
    const error = await localSvhn({ split: 'test' }, FILES, { 'test_32x32.mat': expected }).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).message).toContain(`is ${md5(FILES['test_32x32.mat']!)}, expected ${expected}; the file was removed`);
    await expect(access(join(root, 'test_32x32.mat'))).rejects.toThrow();
  });

  it('treats a file with the wrong MD5 as missing (torchvision checks it on every load)', async () => {
    await writeFile(join(root, 'train_32x32.mat'), FILES['test_32x32.mat']!);
    await expect(new SVHN(root).prepare()).rejects.toThrow(new DatasetError(`SVHN: dataset not found in ${root}; pass download: true to download it`));
  });

  it('throws a DatasetError naming a corrupt .mat file', async () => {
    const corrupt = Uint8Array.from(FILES['train_32x32.mat']!);
    corrupt.fill(0x55, 200, 260);
    const error = await localSvhn({}, { 'train_32x32.mat': corrupt }).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(new RegExp(`^${join(root, 'train_32x32.mat').replace(/[.\\/]/g, '\\$&')}: not a valid MAT-file: the compressed variable at offset 128 is corrupt or truncated`));
  });

  it('throws a DatasetError when X or y is missing or of the wrong kind', async () => {
    const { matBytes } = await import('../../test/support/mat-bytes');
    const path = join(root, 'train_32x32.mat');
    const noY = matBytes({ X: { kind: 'uint8', dims: [2, 2, 3, 1], data: new Array(12).fill(1) } });
    await expect(localSvhn({}, { 'train_32x32.mat': noY }).prepare()).rejects.toThrow(new DatasetError(`SVHN: ${path}: y: expected a numeric array, got nothing`));
    await rm(path);
    const gray = matBytes({ X: { kind: 'uint8', dims: [2, 2, 1, 1], data: [1, 2, 3, 4] }, y: { kind: 'double', dims: [1, 1], data: [3] } });
    await expect(localSvhn({}, { 'train_32x32.mat': gray }).prepare()).rejects.toThrow(new DatasetError(`SVHN: ${path}: X should be uint8 images [H, W, 3, N], got uint8 [2, 2, 1, 1]`));
  });

  it('throws a ValueError for an unknown split', () => {
    expect(() => new SVHN(root, { split: 'valid' as never })).toThrow(new ValueError('SVHN: unknown split "valid" (expected one of train, test, extra)'));
  });
});
