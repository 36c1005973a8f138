import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArchiveError, ChecksumError, DatasetError, type DatasetResource } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idxBytes, imagePixels } from '../../test/support/idx-bytes';
import { localResources, md5 } from '../../test/support/local-resources';
import { Image } from '../image/image';
import { FashionMNIST } from './fashion-mnist';
import { KMNIST } from './kmnist';
import { MNIST, type MnistOptions } from './mnist';

const TRAIN_LABELS = [5, 0, 4, 1, 9];
const TEST_LABELS = [7, 2, 1];

/** MNIST's four files in the real format (gzip-compressed IDX), with 5 training and 3 test images. */
function mnistFiles(): Record<string, Uint8Array> {
  return {
    'train-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [5, 28, 28], imagePixels(5, 28, 28))),
    'train-labels-idx1-ubyte.gz': gzipSync(idxBytes('uint8', [5], TRAIN_LABELS)),
    't10k-images-idx3-ubyte.gz': gzipSync(idxBytes('uint8', [3, 28, 28], imagePixels(3, 28, 28).map((v) => 255 - v))),
    't10k-labels-idx1-ubyte.gz': gzipSync(idxBytes('uint8', [3], TEST_LABELS)),
  };
}

let root: string;
let server: TestServer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-mnist-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** An MNIST whose resources are the real ones moved to the local server. */
function localMnist<TX = Image, TY = number>(options: MnistOptions<TX, TY> = {}, files = mnistFiles(), md5s?: Record<string, string>): MNIST<TX, TY> {
  const resources = localResources(server, MNIST.resources, files, { md5: md5s });
  class LocalMNIST extends MNIST<TX, TY> {
    protected override readonly resources = resources;
  }
  return new LocalMNIST(root, { download: true, downloadOptions: { progress: false, retries: 0 }, ...options });
}

describe('MNIST', () => {
  it("keeps torchvision's mirrors, file names and MD5s", () => {
    expect(MNIST.mirrors).toEqual(['http://yann.lecun.com/exdb/mnist/', 'https://ossci-datasets.s3.amazonaws.com/mnist/']);
    expect(MNIST.resources).toEqual([
      {
        url: 'http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz',
        mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz'],
        md5: 'f68b3c2dcbeaaa9fbdd348bbdeb94873',
        extract: true,
      },
      {
        url: 'http://yann.lecun.com/exdb/mnist/train-labels-idx1-ubyte.gz',
        mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/train-labels-idx1-ubyte.gz'],
        md5: 'd53e105ee54ea40749a09fcbcd1e9432',
        extract: true,
      },
      {
        url: 'http://yann.lecun.com/exdb/mnist/t10k-images-idx3-ubyte.gz',
        mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz'],
        md5: '9fb629c4189551a2d022fa330f9573f3',
        extract: true,
      },
      {
        url: 'http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz',
        mirrors: ['https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz'],
        md5: 'ec29112dd5afa0611ce80d1b7f02629c',
        extract: true,
      },
    ]);
    expect(MNIST.classes).toEqual(['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four', '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine']);
  });

  it('downloads, verifies and decompresses the files into root/MNIST/raw, then serves [Image L, label] items', async () => {
    const mnist = await localMnist().prepare();
    for (const file of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      await access(join(root, 'MNIST', 'raw', file));
      await access(join(root, 'MNIST', 'raw', `${file}.gz`));
    }
    expect(mnist.length).toBe(5);
    const [img, label] = (await mnist.getItem(1)) as [Image, number];
    expect(String(img)).toBe('<Image mode=L size=28x28>');
    expect(label).toBe(0);
    expect(img).toBeInstanceOf(Image);
    expect(Array.from(img.data)).toEqual(Array.from(imagePixels(5, 28, 28).subarray(784, 1568)));
    expect(img.getPixel(3, 2)).toBe((31 + 2 * 7 + 3 * 3) % 256);
    // Each item is a copy: changing it leaves the dataset as it was.
    img.data.fill(0);
    expect(((await mnist.getItem(1)) as [Image, number])[0].getPixel(3, 2)).toBe((31 + 2 * 7 + 3 * 3) % 256);
    expect((await mnist.getItem(-1))[1]).toBe(9);
    expect(mnist.rawFolder).toBe(join(root, 'MNIST', 'raw'));
  });

  it("prints the seed's repr", async () => {
    const mnist = localMnist();
    expect(String(mnist)).toContain('Number of datapoints: ? (not prepared)');
    await mnist.prepare();
    expect(String(mnist)).toBe(
      `Dataset MNIST\n    Number of datapoints: 5\n    Split: train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
  });

  it('reads the test split with train: false', async () => {
    const mnist = await localMnist({ train: false }).prepare();
    expect(mnist.length).toBe(3);
    expect(String(mnist)).toContain('    Split: test\n');
    const [img, label] = (await mnist.getItem(0)) as [Image, number];
    expect(label).toBe(7);
    expect(img.getPixel(0, 0)).toBe(255);
  });

  it('has data [N, 28, 28] and targets [N] as int32 Tensors, classes and classToIdx', async () => {
    const mnist = await localMnist().prepare();
    expect(mnist.data.shape).toEqual([5, 28, 28]);
    expect(mnist.data.dtype).toBe('int32');
    expect((mnist.data.tolist() as number[][][])[1]![2]![3]).toBe((31 + 2 * 7 + 3 * 3) % 256);
    expect(mnist.data).toBe(mnist.data);
    expect(mnist.targets.dtype).toBe('int32');
    expect(mnist.targets.tolist()).toEqual(TRAIN_LABELS);
    expect(mnist.classes[5]).toBe('5 - five');
    expect(mnist.classToIdx['9 - nine']).toBe(9);
  });

  it('applies transform and targetTransform', async () => {
    const mnist = await localMnist({ transform: (img) => img.getPixel(0, 0), targetTransform: (y) => y * 10 }).prepare();
    expect(await mnist.getItem(2)).toEqual([62, 40]);
  });

  it('uses the next mirror when the first one fails', async () => {
    const files = mnistFiles();
    const resources: DatasetResource[] = localResources(server, MNIST.resources, files, { prefix: 'b' }).map((r) => ({
      ...r,
      url: server.url(`/a/${r.url.split('/').pop()}`),
      mirrors: [r.url],
    }));
    class Mirrored extends MNIST {
      protected override readonly resources = resources;
    }
    const mnist = await new Mirrored(root, { download: true, downloadOptions: { progress: false, retries: 0 } }).prepare();
    expect(mnist.length).toBe(5);
    expect(server.hits('/a/train-images-idx3-ubyte.gz')).toBe(1);
    expect(server.hits('/b/train-images-idx3-ubyte.gz')).toBe(1);
  });

  it('does not download again when the files are there', async () => {
    await localMnist().prepare();
    const before = server.requests.length;
    const again = await localMnist().prepare();
    expect(again.length).toBe(5);
    expect(server.requests.length).toBe(before);
  });

  it('refuses a file whose MD5 differs, says expected and actual, and does not use it', async () => {
    const files = mnistFiles();
    const expected = '0123456789abcdef0123456789abcdef';
    const mnist = localMnist({}, files, { 'train-images-idx3-ubyte.gz': expected });
    const error = await mnist.prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumError);
    const path = join(root, 'MNIST', 'raw', 'train-images-idx3-ubyte.gz');
    const actual = md5(files['train-images-idx3-ubyte.gz']!);
    expect((error as ChecksumError).message).toBe(
      `downloadUrl: md5 of ${path} (from ${server.url('/files/train-images-idx3-ubyte.gz')}) is ${actual}, expected ${expected}; the file was removed`,
    );
    expect([(error as ChecksumError).expected, (error as ChecksumError).actual]).toEqual([expected, actual]);
    await expect(access(path)).rejects.toThrow();
    await expect(access(join(root, 'MNIST', 'raw', 'train-images-idx3-ubyte'))).rejects.toThrow();
  });

  it('throws an ArchiveError naming a truncated .gz file', async () => {
    const files = mnistFiles();
    const gz = files['train-labels-idx1-ubyte.gz']!;
    files['train-labels-idx1-ubyte.gz'] = gz.subarray(0, gz.length - 6);
    const error = await localMnist({}, files).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toContain(`${join(root, 'MNIST', 'raw', 'train-labels-idx1-ubyte.gz')} is truncated or corrupt (gz)`);
  });

  it('throws a DatasetError naming the file when an IDX header lies about its dimensions', async () => {
    const files = mnistFiles();
    files['train-images-idx3-ubyte.gz'] = gzipSync(idxBytes('uint8', [60000, 28, 28], imagePixels(5, 28, 28)));
    const path = join(root, 'MNIST', 'raw', 'train-images-idx3-ubyte');
    await expect(localMnist({}, files).prepare()).rejects.toThrow(
      new DatasetError(`${path}: not a valid IDX file: the header claims dimensions [60000, 28, 28] of uint8 (47040000 bytes of data) but 3920 bytes follow the header`),
    );
  });

  it('throws a DatasetError when images and labels disagree', async () => {
    const files = mnistFiles();
    files['train-labels-idx1-ubyte.gz'] = gzipSync(idxBytes('uint8', [4], [1, 2, 3, 4]));
    const raw = join(root, 'MNIST', 'raw');
    await expect(localMnist({}, files).prepare()).rejects.toThrow(
      new DatasetError(`MNIST: ${join(raw, 'train-labels-idx1-ubyte')} holds 4 labels but ${join(raw, 'train-images-idx3-ubyte')} holds 5 images`),
    );
  });

  it('throws a DatasetError when the labels file holds images', async () => {
    await localMnist().prepare();
    const raw = join(root, 'MNIST', 'raw');
    await writeFile(join(raw, 'train-labels-idx1-ubyte'), await readFile(join(raw, 'train-images-idx3-ubyte')));
    await expect(new MNIST(root).prepare()).rejects.toThrow(
      new DatasetError(`MNIST: ${join(raw, 'train-labels-idx1-ubyte')} should hold uint8 labels [N], got uint8 [5, 28, 28]`),
    );
  });

  it('asks for download: true when the files are missing', async () => {
    await expect(new MNIST(root).prepare()).rejects.toThrow(
      new DatasetError(`MNIST: dataset not found in ${join(root, 'MNIST', 'raw')}; pass download: true to download it`),
    );
  });

  it('says it is not prepared when length is read too early', () => {
    expect(() => new MNIST(root).length).toThrow(new DatasetError('MNIST: not prepared yet; call await dataset.prepare() first'));
  });

  it('rebuilds itself in a worker from (root, options)', () => {
    const options = { train: false };
    const spec = new MNIST(root, options).workerSpec();
    expect(spec?.export).toBe('MNIST');
    expect(spec?.args).toEqual([root, options]);
  });
});

describe('KMNIST and FashionMNIST', () => {
  it("keep torchvision's mirrors, MD5s and classes", () => {
    expect(KMNIST.resources.map((r) => [r.url, r.mirrors, r.md5])).toEqual([
      ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/train-images-idx3-ubyte.gz', [], 'bdb82020997e1d708af4cf47b453dcf7'],
      ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/train-labels-idx1-ubyte.gz', [], 'e144d726b3acfaa3e44228e80efcd344'],
      ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/t10k-images-idx3-ubyte.gz', [], '5c965bf0a639b31b8f53240b1b52f4d7'],
      ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/t10k-labels-idx1-ubyte.gz', [], '7320c461ea6c1c855c0b718fb2a4b134'],
    ]);
    expect(KMNIST.classes).toEqual(['o', 'ki', 'su', 'tsu', 'na', 'ha', 'ma', 'ya', 're', 'wo']);
    expect(FashionMNIST.resources.map((r) => [r.url, r.md5])).toEqual([
      ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz', '8d4fb7e6c68d591d4c3dfef9ec88bf0d'],
      ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-labels-idx1-ubyte.gz', '25c81989df183df01b3e8a0aad5dffbe'],
      ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-images-idx3-ubyte.gz', 'bef4ecab320f06d8554ea6380940ec79'],
      ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz', 'bb300cfdad3c16e7a12a480ee83cd310'],
    ]);
    expect(FashionMNIST.classes).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
  });

  for (const [Kind, name] of [
    [KMNIST, 'KMNIST'],
    [FashionMNIST, 'FashionMNIST'],
  ] as const) {
    it(`${name} downloads into root/${name}/raw and serves its items and classes`, async () => {
      const resources = localResources(server, Kind.resources, mnistFiles());
      class Local extends (Kind as typeof MNIST) {
        protected override readonly resources = resources;
      }
      const ds = await new Local(root, { download: true, downloadOptions: { progress: false }, train: false }).prepare();
      await access(join(root, name, 'raw', 't10k-images-idx3-ubyte'));
      expect(ds.length).toBe(3);
      const [img, label] = (await ds.getItem(2)) as [Image, number];
      expect([String(img), label, ds.classes[label]]).toEqual(['<Image mode=L size=28x28>', 1, Kind.classes[1]]);
      expect(String(ds)).toBe(
        `Dataset ${name}\n    Number of datapoints: 3\n    Split: test\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
      );
    });
  }
});
