import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ChecksumError, DatasetError } from '@dl/core/node';
import { buildTar, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetFixture, datasetJson, itemRecords, type ItemRecord } from '../../test/support/dataset-fixtures';
import { folderEntries } from '../../test/support/fixture-archive';
import { md5 } from '../../test/support/local-resources';
import { CIFAR10, CIFAR100, type CIFARFormat, type CIFAROptions } from './cifar';

/** What torchvision 0.14 reads from the python-version fixtures (gen_datasets.py). */
const EXPECTED = datasetJson<Record<string, { length: number; classes: string[]; items: ItemRecord[] }>>('cifar/expected_cifar.json');

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-cifar-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

type Kind = typeof CIFAR10 | typeof CIFAR100;

/** A subclass of `Kind` whose archives are served locally, built from the fixture folders, with the fixtures' MD5s. */
function local(Kind: Kind, archives: { python?: Uint8Array; binary?: Uint8Array } = {}) {
  const py = Kind.python;
  const bin = Kind.binary;
  const pyTar = archives.python ?? buildTar(folderEntries(`cifar/${py.baseFolder}`), { gzip: true });
  const binTar = archives.binary ?? buildTar(folderEntries(`cifar/${bin.baseFolder}`), { gzip: true });
  server.route(`/${py.filename}`, { body: pyTar });
  server.route(`/${bin.filename}`, { body: binTar });
  const fileMd5 = (f: string) => md5(datasetFixture(`cifar/${py.baseFolder}/${f}`));
  // Static overrides, as a torchvision subclass would override the class attributes.
  return class extends (Kind as typeof CIFAR10) {
    static override readonly python = {
      ...py,
      url: server.url(`/${py.filename}`),
      tgzMd5: md5(pyTar),
      trainList: py.trainList.map(([f]) => [f, fileMd5(f)] as const),
      testList: py.testList.map(([f]) => [f, fileMd5(f)] as const),
      meta: { ...py.meta, md5: fileMd5(py.meta.filename) },
    };
    static override readonly binary = { ...bin, url: server.url(`/${bin.filename}`), tgzMd5: md5(binTar) };
    override readonly name: string = Kind === CIFAR100 ? 'CIFAR100' : 'CIFAR10';
  };
}

const opts = (o: CIFAROptions = {}): CIFAROptions => ({ download: true, downloadOptions: { progress: false }, ...o });

describe('CIFAR10 and CIFAR100', () => {
  it("keep torchvision's URLs, file lists and MD5s, and the CIFAR page's for the binary version", () => {
    expect(CIFAR10.python).toEqual({
      baseFolder: 'cifar-10-batches-py',
      url: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
      filename: 'cifar-10-python.tar.gz',
      tgzMd5: 'c58f30108f718f92721af3b95e74349a',
      trainList: [
        ['data_batch_1', 'c99cafc152244af753f735de768cd75f'],
        ['data_batch_2', 'd4bba439e000b95fd0a9bffe97cbabec'],
        ['data_batch_3', '54ebc095f3ab1f0389bbae665268c751'],
        ['data_batch_4', '634d18415352ddfa80567beed471001a'],
        ['data_batch_5', '482c414d41f54cd18b22e5b47cb7c3cb'],
      ],
      testList: [['test_batch', '40351d587109b95175f43aff81a1287e']],
      meta: { filename: 'batches.meta', key: 'label_names', md5: '5ff9c542aee3614f3951f8cda6e48888' },
    });
    expect(CIFAR100.python).toEqual({
      baseFolder: 'cifar-100-python',
      url: 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz',
      filename: 'cifar-100-python.tar.gz',
      tgzMd5: 'eb9058c3a382ffc7106e4002c42a8d85',
      trainList: [['train', '16019d7e3df5f24257cddd939b257f8d']],
      testList: [['test', 'f0ef6b0ae62326f3e7ffdfab6717acfc']],
      meta: { filename: 'meta', key: 'fine_label_names', md5: '7973b15100ade9c7d40fb424638fde48' },
    });
    expect([CIFAR10.binary.url, CIFAR10.binary.tgzMd5, CIFAR10.binary.labelBytes]).toEqual(['https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz', 'c32a1d4ab5d03f1284b67883e8d87530', 1]);
    expect([CIFAR100.binary.url, CIFAR100.binary.tgzMd5, CIFAR100.binary.labelBytes]).toEqual(['https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz', '03b5dce01913d631647c71ecec9e9cb8', 2]);
  });

  for (const Kind of [CIFAR10, CIFAR100] as const) {
    for (const format of ['python', 'binary'] as CIFARFormat[]) {
      for (const train of [true, false]) {
        const key = `${Kind.name}_${train ? 'train' : 'test'}`;
        it(`${Kind.name} (${format}, ${train ? 'train' : 'test'}) downloads, extracts and serves the items torchvision reads`, async () => {
          const Local = local(Kind);
          const ds = await new Local(root, opts({ train, format })).prepare();
          await access(join(root, Kind[format].filename));
          await access(join(root, Kind[format].baseFolder));
          expect(ds.length).toBe(EXPECTED[key]!.length);
          expect(ds.classes).toEqual(EXPECTED[key]!.classes);
          expect(await itemRecords(ds)).toEqual(EXPECTED[key]!.items);
        });
      }
    }
  }

  it('has targets, classToIdx, data [N, 32, 32, 3] and the seed-style repr', async () => {
    const Local = local(CIFAR10);
    const ds = await new Local(root, opts()).prepare();
    expect(ds.targets).toEqual([3, 6, 9, 2, 5]);
    expect(ds.classToIdx.truck).toBe(9);
    expect(ds.data.shape).toEqual([5, 32, 32, 3]);
    const [img] = await ds.getItem(4);
    expect((ds.data.tolist() as number[][][][])[4]![2]![7]).toEqual(img.getPixel(7, 2));
    expect(String(ds)).toBe(
      `Dataset CIFAR10\n    Number of datapoints: 5\n    Split: train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
    expect(String(await new Local(root, { train: false }).prepare())).toContain('    Split: test\n');
  });

  it('treats a batch whose MD5 differs as missing (torchvision checks them) and extracts the archive again', async () => {
    const Local = local(CIFAR10);
    await new Local(root, opts()).prepare();
    await writeFile(join(root, 'cifar-10-batches-py', 'data_batch_3'), 'garbage');
    await expect(new Local(root).prepare()).rejects.toThrow(new DatasetError(`CIFAR10: dataset not found in ${root}; pass download: true to download it`));
    const requests = server.requests.length;
    const again = await new Local(root, opts()).prepare();
    expect([again.length, server.requests.length]).toEqual([5, requests]);
  });

  it('refuses an archive whose MD5 differs and does not use it', async () => {
    const Local = local(CIFAR10, { python: buildTar([{ name: 'cifar-10-batches-py/x', data: 'x' }], { gzip: true }) });
    class Wrong extends Local {
      static override readonly python = { ...Local.python, tgzMd5: '00000000000000000000000000000000' };
    }
    const error = await new Wrong(root, opts()).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).expected).toBe('00000000000000000000000000000000');
    await expect(access(join(root, 'cifar-10-python.tar.gz'))).rejects.toThrow();
    await expect(access(join(root, 'cifar-10-batches-py'))).rejects.toThrow();
  });

  it('throws a DatasetError naming a corrupt pickle', async () => {
    const entries = folderEntries('cifar/cifar-10-batches-py').map((e) =>
      e.name.endsWith('data_batch_2') ? { ...e, data: (e.data as Uint8Array).subarray(0, 500) } : e,
    );
    const Local = local(CIFAR10, { python: buildTar(entries, { gzip: true }) });
    class Truncated extends Local {
      static override readonly python = { ...Local.python, trainList: Local.python.trainList.map(([f, m]) => [f, f === 'data_batch_2' ? md5((entries.find((e) => e.name.endsWith(f))!.data as Uint8Array)) : m] as const) };
    }
    const error = await new Truncated(root, opts()).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    const path = join(root, 'cifar-10-batches-py', 'data_batch_2');
    expect((error as Error).message).toMatch(new RegExp(`^CIFAR10: ${path.replace(/[.\\/]/g, '\\$&')} is not a valid CIFAR pickle: .*truncated`));
  });

  it('throws a DatasetError naming a binary batch that is not whole records', async () => {
    const entries = folderEntries('cifar/cifar-10-batches-bin').map((e) => (e.name.endsWith('test_batch.bin') ? { ...e, data: (e.data as Uint8Array).subarray(0, 5000) } : e));
    const Local = local(CIFAR10, { binary: buildTar(entries, { gzip: true }) });
    const path = join(root, 'cifar-10-batches-bin', 'test_batch.bin');
    await expect(new Local(root, opts({ format: 'binary', train: false })).prepare()).rejects.toThrow(
      new DatasetError(`CIFAR10: ${path} should hold records of 3073 bytes (1 label byte and 3072 pixels), but its 5000 bytes are not a whole number of them`),
    );
  });

  it('throws a ValueError for an unknown format', () => {
    expect(() => new CIFAR10(root, { format: 'matlab' as never })).toThrow(new ValueError(`CIFAR10: format must be 'python' or 'binary', got "matlab"`));
  });
});
