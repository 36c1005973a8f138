import { execFileSync } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Tensor, ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idxBytes, imagePixels } from '../../test/support/idx-bytes';
import { localResources } from '../../test/support/local-resources';
import type { Image } from '../image/image';
import { QMNIST, type QMNISTOptions } from './qmnist';

const HAS_XZ = (() => {
  try {
    execFileSync('xz', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/** Extended labels: [digit, hsf series, writer id, index, nist class code, duplicate, 0, 0]. */
function labelRows(n: number, first = 0): number[] {
  const rows: number[] = [];
  for (let i = first; i < first + n; i++) rows.push(i % 10, 4, 2000 + i, i, 48 + (i % 10), 0, 0, 0);
  return rows;
}

function qmnistFiles(testCount: number): Record<string, Uint8Array> {
  return {
    'qmnist-train-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [4, 28, 28], imagePixels(4, 28, 28))),
    'qmnist-train-labels-idx2-int.gz': gzipSync(idxBytes('int32', [4, 8], labelRows(4))),
    'qmnist-test-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [testCount, 28, 28], imagePixels(testCount, 28, 28))),
    'qmnist-test-labels-idx2-int.gz': gzipSync(idxBytes('int32', [testCount, 8], labelRows(testCount))),
  };
}

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-qmnist-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function localQmnist(options: QMNISTOptions = {}, files = qmnistFiles(3)): QMNIST {
  const subset = QMNIST.subsets[options.what ?? (options.train === false ? 'test' : 'train')];
  const resources = localResources(server, QMNIST.resourcesBySubset[subset], files);
  class LocalQMNIST extends QMNIST {
    protected override readonly resources = resources;
  }
  return new LocalQMNIST(root, { download: true, downloadOptions: { progress: false }, ...options });
}

describe('QMNIST', () => {
  it("keeps torchvision's URLs and MD5s", () => {
    const base = 'https://raw.githubusercontent.com/facebookresearch/qmnist/master/';
    expect(Object.fromEntries(Object.entries(QMNIST.resourcesBySubset).map(([k, rs]) => [k, rs.map((r) => [r.url.replace(base, ''), r.md5])]))).toEqual({
      train: [
        ['qmnist-train-images-idx3-ubyte.gz', 'ed72d4157d28c017586c42bc6afe6370'],
        ['qmnist-train-labels-idx2-int.gz', '0058f8dd561b90ffdd0f734c6a30e5e4'],
      ],
      test: [
        ['qmnist-test-images-idx3-ubyte.gz', '1394631089c404de565df7b7aeaf9412'],
        ['qmnist-test-labels-idx2-int.gz', '5b5b05890a5e13444e108efe57b788aa'],
      ],
      nist: [
        ['xnist-images-idx3-ubyte.xz', '7f124b3b8ab81486c9d8c2749c17f834'],
        ['xnist-labels-idx2-int.xz', '5ed0e788978e45d4a8bd4b7caec3d79d'],
      ],
    });
    expect(QMNIST.subsets).toEqual({ train: 'train', test: 'test', test10k: 'test', test50k: 'test', nist: 'nist' });
  });

  it('downloads only its subset into root/QMNIST/raw and serves [Image L, digit] items', async () => {
    const q = await localQmnist().prepare();
    await access(join(root, 'QMNIST', 'raw', 'qmnist-train-images-idx3-ubyte'));
    await access(join(root, 'QMNIST', 'raw', 'qmnist-train-labels-idx2-int'));
    await expect(access(join(root, 'QMNIST', 'raw', 'qmnist-test-images-idx3-ubyte.gz'))).rejects.toThrow();
    expect(q.length).toBe(4);
    const [img, target] = (await q.getItem(3)) as [Image, number];
    expect([String(img), target]).toEqual(['<Image mode=L size=28x28>', 3]);
    expect(q.targets.shape).toEqual([4, 8]);
    expect(q.targets.dtype).toBe('int32');
    expect((q.targets.tolist() as number[][])[2]).toEqual([2, 4, 2002, 2, 50, 0, 0, 0]);
    expect(String(q)).toBe(
      `Dataset QMNIST\n    Number of datapoints: 4\n    Split: train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('gives the extended label as an int32 Tensor with compat: false', async () => {
    const q = await localQmnist({ compat: false }).prepare();
    const [, target] = await q.getItem(1);
    expect(target).toBeInstanceOf(Tensor);
    expect((target as Tensor).dtype).toBe('int32');
    expect((target as Tensor).tolist()).toEqual([1, 4, 2001, 1, 49, 0, 0, 0]);
  });

  it('splits the 60k test set into test10k and test50k', async () => {
    const files = qmnistFiles(10003);
    const all = await localQmnist({ what: 'test' }, files).prepare();
    expect(all.length).toBe(10003);
    const first = await new QMNIST(root, { what: 'test10k' }).prepare();
    const rest = await new QMNIST(root, { what: 'test50k', compat: false }).prepare();
    expect([first.length, rest.length]).toEqual([10000, 3]);
    expect(((await rest.getItem(0))[1] as Tensor).tolist()).toEqual([0, 4, 12000, 10000, 48, 0, 0, 0]);
    expect(String(rest)).toContain('    Split: test50k\n');
    const [img] = (await rest.getItem(2)) as [Image, Tensor];
    expect(Array.from(img.data)).toEqual(Array.from(imagePixels(10003, 28, 28).subarray(10002 * 784)));
    expect(first.data.shape).toEqual([10000, 28, 28]);
    expect(rest.targets.shape).toEqual([3, 8]);
  });

  it('picks test with train: false', () => {
    expect(new QMNIST(root, { train: false }).what).toBe('test');
    expect(new QMNIST(root, { train: false, what: 'nist' }).what).toBe('nist');
  });

  // The test compresses its files with the xz command (Node has no xz encoder).
  it.skipIf(!HAS_XZ)('decompresses the .xz files of nist (skipped: no xz command to build them)', async () => {
    const xz = (b: Uint8Array) => Uint8Array.from(execFileSync('xz', ['-c', '-z'], { input: b }));
    const files = {
      'xnist-images-idx3-ubyte.xz': xz(idxBytes('uint8', [2, 28, 28], imagePixels(2, 28, 28))),
      'xnist-labels-idx2-int.xz': xz(idxBytes('int32', [2, 8], labelRows(2, 7))),
    };
    const nist = await localQmnist({ what: 'nist' }, files).prepare();
    await access(join(root, 'QMNIST', 'raw', 'xnist-images-idx3-ubyte'));
    expect([nist.length, (await nist.getItem(1))[1]]).toEqual([2, 8]);
  });

  it('throws a ValueError for an unknown subset and a DatasetError for float labels', async () => {
    expect(() => new QMNIST(root, { what: 'valid' as never })).toThrow(new ValueError('QMNIST: unknown what "valid" (expected one of train, test, test10k, test50k, nist)'));
    const files = qmnistFiles(3);
    files['qmnist-train-labels-idx2-int.gz'] = gzipSync(idxBytes('float32', [4, 8], labelRows(4)));
    await expect(localQmnist({}, files).prepare()).rejects.toThrow(
      new DatasetError(`QMNIST: ${join(root, 'QMNIST', 'raw', 'qmnist-train-labels-idx2-int')} should hold integer labels [N, 8], got float32 [4, 8]`),
    );
  });
});
