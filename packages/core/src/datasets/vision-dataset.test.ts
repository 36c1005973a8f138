import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dataset } from '../data/dataset';
import { IndexError } from '../errors/index-error';
import { ValueError } from '../errors/value-error';
import type { DatasetResource } from './dataset-resource';
import { ChecksumError } from './errors/checksum-error';
import { DatasetError } from './errors/dataset-error';
import { buildZip } from './testing/build-zip';
import { startTestServer, type TestServer } from './testing/test-server';
import { VisionDataset, type VisionDatasetOptions } from './vision-dataset';

const archive = buildZip([{ name: 'words/words.txt', data: 'zero\none\ntwo\n' }]);
const sha256 = createHash('sha256').update(archive).digest('hex');

/** A small dataset over a zip of words: item i is [word, i]. */
class Words extends VisionDataset<string, number, unknown, unknown> {
  readonly name = 'Words';
  protected readonly resources: DatasetResource[];
  private words: string[] = [];
  loads = 0;

  constructor(root: string, url: string, options: VisionDatasetOptions<string, number, unknown, unknown> = {}, digest = sha256) {
    super(root, options);
    this.resources = [{ url, filename: 'words.zip', sha256: digest, extract: true }];
  }

  protected async load(): Promise<void> {
    this.loads++;
    this.words = (await readFile(join(this.folder, 'words', 'words.txt'), 'utf8')).split('\n').filter(Boolean);
  }

  protected loadItem(index: number): [string, number] {
    return [this.words[index]!, index];
  }

  get length(): number {
    this.ensurePrepared();
    return this.words.length;
  }

  protected override extraRepr(): string {
    return 'Split: all';
  }
}

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-vision-dataset-'));
  server = await startTestServer({ '/words.zip': { body: archive } });
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('VisionDataset', () => {
  it('downloads, verifies and extracts its resources, then serves items as a map-style Dataset', async () => {
    const words = await new Words(root, server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }).prepare();
    expect(words).toBeInstanceOf(Dataset);
    expect(words.length).toBe(3);
    expect(words.getItem(1)).toEqual(['one', 1]);
    expect(words.getItem(-1)).toEqual(['two', 2]);
    expect(words.folder).toBe(join(root, 'Words'));
    expect(() => words.getItem(3)).toThrow(new IndexError('Words: index 3 is out of range for a dataset of length 3'));
    expect(() => words.getItem(3)).toThrow(IndexError);
  });

  it('does not download again when the files are there', async () => {
    await new Words(root, server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }).prepare();
    const again = await new Words(root, server.url('/words.zip'), { download: true }).prepare();
    expect(server.hits('/words.zip')).toBe(1);
    expect(again.length).toBe(3);
  });

  it('applies transform and targetTransform, or transforms', async () => {
    await new Words(root, server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }).prepare();
    const upper = await new Words(root, '', {
      transform: (w) => w.toUpperCase(),
      targetTransform: (i) => i * 10,
    }).prepare();
    expect(upper.getItem(2)).toEqual(['TWO', 20]);
    const joint = await new Words(root, '', { transforms: (w, i) => [`${w}#${i}`, -i] }).prepare();
    expect(joint.getItem(1)).toEqual(['one#1', -1]);
  });

  it('prepares on the first getItem and loads once', async () => {
    await new Words(root, server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }).prepare();
    const words = new Words(root, '');
    expect(words.isPrepared).toBe(false);
    expect(() => words.length).toThrow(new DatasetError('Words: not prepared yet; call await dataset.prepare() first'));
    await expect(words.getItem(0)).resolves.toEqual(['zero', 0]);
    await Promise.all([words.prepare(), words.prepare()]);
    expect(words.loads).toBe(1);
  });

  it('prints like torchvision', async () => {
    await new Words(root, server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }).prepare();
    const normalize = (w: string): string => w.trim();
    const words = await new Words(root, '', { transform: normalize }).prepare();
    const repr = `Dataset Words\n    Number of datapoints: 3\n    Root location: ${root}\n    Split: all\n    StandardTransform\n    Transform: normalize()`;
    expect(String(words)).toBe(repr);
    expect(inspect(words)).toBe(repr);
    expect(String(new Words(root, ''))).toBe(`Dataset Words\n    Number of datapoints: ? (not prepared)\n    Root location: ${root}\n    Split: all`);
  });

  it('throws DatasetError when the files are missing and download is off', async () => {
    await expect(new Words(root, server.url('/words.zip')).prepare()).rejects.toThrow(
      new DatasetError(`Words: dataset not found in ${join(root, 'Words')}; pass download: true to download it`),
    );
    expect(server.hits('/words.zip')).toBe(0);
  });

  it('tries mirrors in order and passes checksum errors through', async () => {
    class Mirrored extends Words {
      protected override readonly resources: DatasetResource[] = [
        { url: server.url('/gone/words.zip'), mirrors: [server.url('/words.zip')], filename: 'words.zip', sha256, extract: true },
      ];
    }
    const words = await new Mirrored(root, '', { download: true, downloadOptions: { progress: false, retries: 0 } }).prepare();
    expect(words.length).toBe(3);
    expect(server.requests.map((r) => r.path)).toEqual(['/gone/words.zip', '/words.zip']);

    const bad = new Words(join(root, 'other'), server.url('/words.zip'), { download: true, downloadOptions: { progress: false } }, '0'.repeat(64));
    await expect(bad.prepare()).rejects.toBeInstanceOf(ChecksumError);
  });

  it('rejects a bad root and conflicting transform options with ValueError', () => {
    expect(() => new Words('', 'http://127.0.0.1/x')).toThrow(new ValueError("Words: root must be a folder path, got ''"));
    expect(() => new Words(root, 'http://127.0.0.1/x', { transform: (w) => w, transforms: (w, i) => [w, i] })).toThrow(
      new ValueError('Words: pass transforms, or transform and targetTransform, not both'),
    );
  });
});
