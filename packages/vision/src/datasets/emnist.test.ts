import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idxBytes, imagePixels } from '../../test/support/idx-bytes';
import { localResources } from '../../test/support/local-resources';
import type { Image } from '../image/image';
import { EMNIST, type EMNISTOptions } from './emnist';

/** NIST's gzip.zip in its real layout (a `gzip/` folder of IDX .gz files and mapping files), with two splits. */
function gzipZip(): Uint8Array {
  const entries = [{ name: 'gzip/', type: 'directory' as const }];
  for (const [split, n, labels] of [
    ['letters', 3, [23, 7, 16]],
    ['digits', 2, [8, 9]],
  ] as const) {
    for (const part of ['train', 'test']) {
      const count = part === 'train' ? n : 1;
      entries.push(
        { name: `gzip/emnist-${split}-${part}-images-idx3-ubyte.gz`, data: gzipSync(idxBytes('uint8', [count, 28, 28], imagePixels(count, 28, 28))) } as never,
        { name: `gzip/emnist-${split}-${part}-labels-idx1-ubyte.gz`, data: gzipSync(idxBytes('uint8', [count], labels.slice(0, count))) } as never,
      );
    }
    entries.push({ name: `gzip/emnist-${split}-mapping.txt`, data: '1 65 97\n' } as never);
  }
  return buildZip(entries);
}

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-emnist-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function localEmnist(options: EMNISTOptions, zip = gzipZip()): EMNIST {
  const resources = localResources(server, EMNIST.resources, { 'gzip.zip': zip });
  class LocalEMNIST extends EMNIST {
    protected override readonly resources = resources;
  }
  return new LocalEMNIST(root, { download: true, downloadOptions: { progress: false }, ...options });
}

describe('EMNIST', () => {
  it("keeps torchvision's URL, MD5, splits and classes", () => {
    expect(EMNIST.resources).toEqual([{ url: 'https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/gzip.zip', md5: '58c8d27c78d21e728a6bc7b3cc06412e', extract: true }]);
    expect(EMNIST.splits).toEqual(['byclass', 'bymerge', 'balanced', 'letters', 'digits', 'mnist']);
    const c = EMNIST.classesSplitDict;
    expect(c.byclass.join('')).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    expect(c.bymerge.join('')).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabdefghnqrt');
    expect(c.balanced).toEqual(c.bymerge);
    expect(c.balanced).toHaveLength(47);
    expect(c.letters).toEqual(['N/A', ...'abcdefghijklmnopqrstuvwxyz']);
    expect(c.digits.join('')).toBe('0123456789');
    expect(c.mnist).toEqual(c.digits);
  });

  it('downloads gzip.zip, decompresses every split into root/EMNIST/raw and removes the gzip folder', async () => {
    const letters = await localEmnist({ split: 'letters' }).prepare();
    const raw = join(root, 'EMNIST', 'raw');
    expect((await readdir(raw)).sort()).toEqual([
      'emnist-digits-test-images-idx3-ubyte',
      'emnist-digits-test-labels-idx1-ubyte',
      'emnist-digits-train-images-idx3-ubyte',
      'emnist-digits-train-labels-idx1-ubyte',
      'emnist-letters-test-images-idx3-ubyte',
      'emnist-letters-test-labels-idx1-ubyte',
      'emnist-letters-train-images-idx3-ubyte',
      'emnist-letters-train-labels-idx1-ubyte',
      'gzip.zip',
    ]);
    expect(letters.length).toBe(3);
    const [img, label] = (await letters.getItem(0)) as [Image, number];
    expect(String(img)).toBe('<Image mode=L size=28x28>');
    expect([label, letters.classes[label]]).toEqual([23, 'w']);
    expect(letters.classToIdx.w).toBe(23);
    expect(String(letters)).toBe(
      `Dataset EMNIST\n    Number of datapoints: 3\n    Split: train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('serves the pixels as stored (transposed relative to MNIST, as torchvision does)', async () => {
    const digits = await localEmnist({ split: 'digits' }).prepare();
    const [img] = (await digits.getItem(1)) as [Image, number];
    // Row-major as in the file: pixel (x, y) of item 1 is (31 + 7y + 3x) % 256.
    expect(img.getPixel(5, 2)).toBe((31 + 14 + 15) % 256);
    expect(digits.data.shape).toEqual([2, 28, 28]);
  });

  it('reads another split and the test set from the same download', async () => {
    await localEmnist({ split: 'letters' }).prepare();
    const before = server.requests.length;
    const test = await new EMNIST(root, { split: 'digits', train: false }).prepare();
    expect(server.requests.length).toBe(before);
    expect([test.length, (await test.getItem(0))[1], test.classes]).toEqual([1, 8, [...'0123456789']]);
  });

  it('throws a ValueError for an unknown split', () => {
    expect(() => new EMNIST(root, { split: 'emnist' as never })).toThrow(
      new ValueError('EMNIST: unknown split "emnist" (expected one of byclass, bymerge, balanced, letters, digits, mnist)'),
    );
  });

  it('throws a DatasetError when gzip.zip has no gzip folder', async () => {
    const zip = buildZip([{ name: 'other/readme.txt', data: 'x' }]);
    const raw = join(root, 'EMNIST', 'raw');
    await expect(localEmnist({ split: 'mnist' }, zip).prepare()).rejects.toThrow(
      new DatasetError(`EMNIST: ${join(raw, 'gzip.zip')} should hold a gzip folder of IDX files, but ${join(raw, 'gzip')} is missing after extracting it`),
    );
  });

  it('asks for download: true when the split is missing', async () => {
    await expect(new EMNIST(root, { split: 'balanced' }).prepare()).rejects.toThrow(
      new DatasetError(`EMNIST: dataset not found in ${join(root, 'EMNIST', 'raw')}; pass download: true to download it`),
    );
    await expect(access(join(root, 'EMNIST'))).rejects.toThrow();
  });
});
