import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { DatasetError } from '@dl/core/node';
import { buildTar, startTestServer, type ArchiveEntrySpec, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetJson, itemRecords, type ItemRecord } from '../../test/support/dataset-fixtures';
import { md5 } from '../../test/support/local-resources';
import { STL10, type STL10Options } from './stl10';

/** What torchvision 0.14's STL10 reads from the same files (gen_datasets.py), by `<split>_<folds>`. */
const EXPECTED = datasetJson<Record<string, { length: number; classes: string[]; items: ItemRecord[] }>>('stl10/expected_stl10.json');

/** gen_datasets.py's pattern: byte k of record i is (i * 31 + k * 7 + floor(k / plane) * 85 + salt) % 256. */
function pattern(n: number, size: number, salt: number, plane: number): Uint8Array {
  const out = new Uint8Array(n * size);
  for (let i = 0; i < n; i++) for (let k = 0; k < size; k++) out[i * size + k] = (i * 31 + k * 7 + Math.floor(k / plane) * 85 + salt) % 256;
  return out;
}

/** stl10_binary.tar.gz's files, as gen_datasets.py writes them for torchvision. */
function stlFiles(): Record<string, Uint8Array | string> {
  let folds = '';
  for (let k = 0; k < 10; k++) folds += `${[0, 1].map((j) => (k + j) % 4).join(' ')} \n`;
  return {
    'train_X.bin': pattern(4, 27648, 1, 9216),
    'train_y.bin': Uint8Array.of(2, 10, 1, 5),
    'test_X.bin': pattern(2, 27648, 2, 9216),
    'test_y.bin': Uint8Array.of(7, 3),
    'unlabeled_X.bin': pattern(3, 27648, 3, 9216),
    'class_names.txt': 'airplane\nbird\ncar\ncat\ndeer\ndog\nhorse\nmonkey\nship\ntruck\n',
    'fold_indices.txt': folds,
  };
}

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-stl10-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function localStl(files = stlFiles()) {
  const entries: ArchiveEntrySpec[] = [{ name: 'stl10_binary/', type: 'directory' }, ...Object.entries(files).map(([name, data]) => ({ name: `stl10_binary/${name}`, data }))];
  const archive = buildTar(entries, { gzip: true });
  server.route('/stl10_binary.tar.gz', { body: archive });
  const sum = (f: string) => md5(files[f]!);
  return class LocalSTL10 extends STL10 {
    static override readonly url = server.url('/stl10_binary.tar.gz');
    static override readonly tgzMd5 = md5(archive);
    static override readonly trainList = STL10.trainList.map(([f]) => [f, sum(f)] as const);
    static override readonly testList = STL10.testList.map(([f]) => [f, sum(f)] as const);
  };
}
const opts = (o: STL10Options = {}): STL10Options => ({ download: true, downloadOptions: { progress: false }, ...o });

describe('STL10', () => {
  it("keeps torchvision's URL, file lists and MD5s", () => {
    expect([STL10.url, STL10.filename, STL10.tgzMd5, STL10.baseFolder]).toEqual([
      'http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz',
      'stl10_binary.tar.gz',
      '91f7769df0f17e558f3565bffb0c7dfb',
      'stl10_binary',
    ]);
    expect(STL10.trainList).toEqual([
      ['train_X.bin', '918c2871b30a85fa023e0c44e0bee87f'],
      ['train_y.bin', '5a34089d4802c674881badbb80307741'],
      ['unlabeled_X.bin', '5242ba1fed5e4be9e1e742405eb56ca4'],
    ]);
    expect(STL10.testList).toEqual([
      ['test_X.bin', '7f263ba9f9e0b06b93213547f721ac82'],
      ['test_y.bin', '36f9794fa4beb8a2c72628de14fa638e'],
    ]);
  });

  for (const key of Object.keys(EXPECTED)) {
    const [split, f] = key.split('_') as [STL10Options['split'], string];
    const folds = f === 'None' ? undefined : Number(f);
    it(`serves the items torchvision reads for split ${split}${folds === undefined ? '' : `, fold ${folds}`}`, async () => {
      const Local = localStl();
      const stl = await new Local(root, opts({ split, folds })).prepare();
      expect(stl.length).toBe(EXPECTED[key]!.length);
      expect(stl.classes).toEqual(EXPECTED[key]!.classes);
      expect(await itemRecords(stl)).toEqual(EXPECTED[key]!.items);
    });
  }

  it('downloads into root, extracts stl10_binary, and has labels, data [N, 3, 96, 96] and the repr', async () => {
    const Local = localStl();
    const stl = await new Local(root, opts({ split: 'train+unlabeled' })).prepare();
    await access(join(root, 'stl10_binary.tar.gz'));
    await access(join(root, 'stl10_binary', 'unlabeled_X.bin'));
    expect(stl.labels).toEqual([1, 9, 0, 4, -1, -1, -1]);
    expect(stl.data.shape).toEqual([7, 3, 96, 96]);
    const [img] = await stl.getItem(5);
    expect((stl.data.tolist() as number[][][][])[5]!.map((plane) => plane[10]![20])).toEqual(img.getPixel(20, 10));
    expect(String(stl)).toBe(
      `Dataset STL10\n    Number of datapoints: 7\n    Split: train+unlabeled\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('treats a file with the wrong MD5 as missing', async () => {
    const Local = localStl();
    await new Local(root, opts({ split: 'test' })).prepare();
    await writeFile(join(root, 'stl10_binary', 'test_y.bin'), Uint8Array.of(1, 1));
    await expect(new Local(root, { split: 'test' }).prepare()).rejects.toThrow(new DatasetError(`STL10: dataset not found in ${root}; pass download: true to download it`));
  });

  it('throws DatasetErrors naming a truncated image file and a bad fold', async () => {
    const files = stlFiles();
    files['test_X.bin'] = (files['test_X.bin'] as Uint8Array).subarray(0, 30000);
    const Local = localStl(files);
    const path = join(root, 'stl10_binary', 'test_X.bin');
    await expect(new Local(root, opts({ split: 'test' })).prepare()).rejects.toThrow(
      new DatasetError(`STL10: ${path} should hold 96x96x3 images of 27648 bytes, but its 30000 bytes are not a whole number of them`),
    );
    await rm(join(root, 'stl10_binary'), { recursive: true });
    await rm(join(root, 'stl10_binary.tar.gz'));
    const badFolds = stlFiles();
    badFolds['fold_indices.txt'] = '0 1\n7 8\n';
    const Bad = localStl(badFolds);
    await expect(new Bad(root, opts({ folds: 1 })).prepare()).rejects.toThrow(
      new DatasetError(`STL10: ${join(root, 'stl10_binary', 'fold_indices.txt')}: fold 1 holds 7, not an index of the 4 training images`),
    );
  });

  it('throws ValueErrors for an unknown split or fold', () => {
    expect(() => new STL10(root, { split: 'val' as never })).toThrow(new ValueError('STL10: unknown split "val" (expected one of train, train+unlabeled, unlabeled, test)'));
    expect(() => new STL10(root, { folds: 10 })).toThrow(new ValueError('STL10: folds should be an integer in [0, 10), got 10'));
  });
});
