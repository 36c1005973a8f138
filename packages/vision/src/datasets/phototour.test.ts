import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ArchiveError, ChecksumError, DatasetError, type DatasetResource } from '@dl/core/node';
import { buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { bmpBytes } from '../../test/support/bmp-bytes';
import { ImageError } from '../errors/image-error';
import { Image } from '../image/image';
import { PhotoTour, type PhotoTourItem, type PhotoTourName, type PhotoTourOptions } from './phototour';

// An archive in the layout of PhotoTour's zips: 1024x1024 grayscale BMP sheets of 16x16 patches
// of 64x64, info.txt (3D point id, then an unused field) and the matches file
// (patch1 point1 unused patch2 point2 unused). 300 patches: sheet 0 full, 44 of sheet 1.
const PATCHES = 300;
const value = (k: number, x: number, y: number) => (k * 7 + x + y * 3) & 255;

function sheet(first: number): Uint8Array {
  const img = new Image(1024, 1024, 'L');
  for (let p = 0; p < 256; p++) {
    const k = first + p;
    const x0 = (p % 16) * 64;
    const y0 = Math.floor(p / 16) * 64;
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) img.data[(y0 + y) * 1024 + x0 + x] = k < PATCHES ? value(k, x, y) : 0;
  }
  return bmpBytes(img);
}

const pointOf = (k: number) => Math.floor(k / 3);
const info = Array.from({ length: PATCHES }, (_, k) => `${pointOf(k)} 0\n`).join('');
const pairs: Array<[number, number]> = [
  [0, 1],
  [0, 5],
  [299, 298],
  [10, 290],
];
const matchesText = pairs.map(([a, b]) => `${a} ${pointOf(a)} 0 ${b} ${pointOf(b)} 0\n`).join('');
const files = (overrides: Record<string, Uint8Array | string> = {}) =>
  Object.entries({
    'patches0000.bmp': sheet(0),
    'patches0001.bmp': sheet(256),
    'info.txt': info,
    'm50_100000_100000_0.txt': matchesText,
    ...overrides,
  }).map(([name, data]) => ({ name, data }));
const archive = buildZip(files());

let root: string;
let server: TestServer;

/** A PhotoTour that downloads `body` from the local server through the user's download code. */
function local<T = Image, Train extends boolean = true>(
  options: PhotoTourOptions<T, Train> = {},
  body: Uint8Array = archive,
  md5 = createHash('md5').update(body).digest('hex'),
): PhotoTour<T, Train> {
  server.route('/liberty.zip', { body });
  const resource: DatasetResource = { url: server.url('/liberty.zip'), filename: 'liberty.zip', md5 };
  class LocalPhotoTour extends PhotoTour<T, Train> {
    protected override readonly resources = [resource];
    protected override get patchLimit(): number {
      return PATCHES;
    }
  }
  return new LocalPhotoTour(root, 'liberty', { download: true, downloadOptions: { progress: false }, ...options });
}

function expectPatch(patch: Image, k: number): void {
  expect(String(patch)).toBe('<Image mode=L size=64x64>');
  expect([patch.getPixel(0, 0), patch.getPixel(63, 0), patch.getPixel(5, 40)]).toEqual([value(k, 0, 0), value(k, 63, 0), value(k, 5, 40)]);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-phototour-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('PhotoTour', () => {
  it("keeps torchvision's URLs, MD5s, means, stds and lengths", () => {
    expect(PhotoTour.urls.liberty).toEqual(['http://icvl.ee.ic.ac.uk/vbalnt/liberty.zip', 'liberty.zip', 'fdd9152f138ea5ef2091746689176414']);
    expect(PhotoTour.urls.notredame_harris).toEqual([
      'http://matthewalunbrown.com/patchdata/notredame_harris.zip',
      'notredame_harris.zip',
      '69f8c90f78e171349abdf0307afefe4d',
    ]);
    expect(Object.keys(PhotoTour.urls).sort()).toEqual(['liberty', 'liberty_harris', 'notredame', 'notredame_harris', 'yosemite', 'yosemite_harris']);
    const yosemite = new PhotoTour(root, 'yosemite');
    expect([yosemite.mean, yosemite.std]).toEqual([0.4844, 0.1818]);
    expect(PhotoTour.lens.notredame).toBe(468159);
  });

  it('downloads (MD5 checked), extracts into root/<name>, deletes the zip, and serves [patch, pointId]', async () => {
    const train = await local().prepare();
    expect(server.hits('/liberty.zip')).toBe(1);
    expect((await readdir(root)).sort()).toEqual(['liberty', 'liberty.patches']);
    expect(train.length).toBe(PATCHES);
    for (const k of [0, 1, 17, 255, 256, 299]) {
      const [patch, point] = await train.getItem(k);
      expectPatch(patch, k);
      expect(point).toBe(pointOf(k));
    }
    expect(train.labels.length).toBe(PATCHES);
    expect(String(train)).toBe(
      `Dataset PhotoTour\n    Number of datapoints: 300\n    Split: Train\n    Root Location: ${root}\n    Transforms (if any): None\n    Target Transforms (if any): None`,
    );
    expect((await stat(train.cacheFile)).size).toBe(16 + PATCHES * 4096);
    train.close();
  });

  it('serves [[patch1, patch2], match] pairs with train: false, the transform applied to each patch', async () => {
    const test = await local({ train: false, transform: (p: Image) => p.getPixel(1, 1) as number }).prepare();
    expect(test.length).toBe(pairs.length);
    expect(String(test)).toContain('Split: Test');
    expect(test.getItem(0)).toEqual([[value(0, 1, 1), value(1, 1, 1)], 1]);
    expect(test.getItem(1)).toEqual([[value(0, 1, 1), value(5, 1, 1)], 0]);
    expect(test.getItem(-2)).toEqual([[value(299, 1, 1), value(298, 1, 1)], 1]);
    expect(Array.from(test.matches.subarray(9))).toEqual([10, 290, 0]);
    const raw = await local({ train: false }).prepare();
    const [[a, b], match] = await raw.getItem(3);
    expectPatch(a, 10);
    expectPatch(b, 290);
    expect(match).toBe(0);
  });

  it('reads patches from its cache without the sheets, and downloads nothing when the files are there', async () => {
    (await local().prepare()).close();
    for (const name of ['patches0000.bmp', 'patches0001.bmp']) await rm(join(root, 'liberty', name));
    const again = await local().prepare();
    expect(server.hits('/liberty.zip')).toBe(1);
    expectPatch((await again.getItem(299))[0], 299);
    again.close();
  });

  it('rejects a checksum mismatch with expected and actual MD5, and keeps nothing', async () => {
    const wrong = 'fdd9152f138ea5ef2091746689176414';
    const actual = createHash('md5').update(archive).digest('hex');
    const zip = join(root, 'liberty.zip');
    await expect(local({}, archive, wrong).prepare()).rejects.toThrow(
      new ChecksumError(`downloadUrl: md5 of ${zip} (from ${server.url('/liberty.zip')}) is ${actual}, expected ${wrong}; the file was removed`, {
        path: zip,
        algorithm: 'md5',
        expected: wrong,
        actual,
      }),
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('rejects a truncated archive with an ArchiveError naming it', async () => {
    const truncated = archive.subarray(0, archive.length - 300);
    const error = await local({}, truncated).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).message).toMatch(new RegExp(`^extractArchive: ${join(root, 'liberty.zip')} is truncated or corrupt`));
    expect(existsSync(join(root, 'liberty', 'info.txt'))).toBe(false);
  });

  it('rejects a corrupt patch sheet with an ImageError naming it', async () => {
    const bad = buildZip(files({ 'patches0001.bmp': sheet(256).subarray(0, 5000) }));
    const error = await local({}, bad).prepare().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toContain(join(root, 'liberty', 'patches0001.bmp'));
    expect(existsSync(join(root, 'liberty.patches'))).toBe(false);
  });

  it('rejects a bad info.txt line and a match with an unknown patch, naming the file and line', async () => {
    const short = buildZip(files({ 'info.txt': '0 0\n1 0\n' }));
    await expect(local({}, short).prepare()).rejects.toThrow(
      new DatasetError(`PhotoTour: ${join(root, 'liberty', 'info.txt')} has 2 lines, but there are 300 patches (one line per patch)`),
    );
    await rm(root, { recursive: true, force: true });
    const badInfo = buildZip(files({ 'info.txt': '0 0\nzero 0\n' }));
    await expect(local({}, badInfo).prepare()).rejects.toThrow(
      new DatasetError(`PhotoTour: line 2 of ${join(root, 'liberty', 'info.txt')} should start with a 3D point id (an integer), got 'zero 0'`),
    );
    await rm(root, { recursive: true, force: true });
    const badMatch = buildZip(files({ 'm50_100000_100000_0.txt': '0 0 0 1 0 0\n0 0 0 300 100 0\n' }));
    await expect(local({}, badMatch).prepare()).rejects.toThrow(
      new DatasetError(`PhotoTour: line 2 of ${join(root, 'liberty', 'm50_100000_100000_0.txt')} refers to patch 300, but there are 300 patches`),
    );
  });

  it('asks for download: true when the files are missing, and rejects unknown names', async () => {
    await expect(local({ download: false }).prepare()).rejects.toThrow(
      new DatasetError(`PhotoTour: dataset not found in ${join(root, 'liberty')}; pass download: true to download it`),
    );
    expect(() => new PhotoTour(root, 'paris' as PhotoTourName)).toThrow(
      new ValueError(
        "PhotoTour: Unknown value 'paris' for argument name. Valid values are {'notredame', 'yosemite', 'liberty', 'notredame_harris', 'yosemite_harris', 'liberty_harris'}.",
      ),
    );
  });

  it('types items by train: [patch, pointId] or [[patch1, patch2], match]', () => {
    expectTypeOf(new PhotoTour(root, 'liberty').getItem).returns.toEqualTypeOf<PhotoTourItem<Image, true> | Promise<PhotoTourItem<Image, true>>>();
    expectTypeOf<PhotoTourItem<Image, true>>().toEqualTypeOf<[Image, number]>();
    const pairs = new PhotoTour(root, 'liberty', { train: false, transform: (p: Image) => p.width });
    expectTypeOf(pairs.getItem).returns.toEqualTypeOf<[[number, number], number] | Promise<[[number, number], number]>>();
  });

  it('describes itself for worker threads with (root, name, options)', () => {
    const data = new PhotoTour('rel/root', 'notredame', { train: false });
    expect(data.workerSpec()).toMatchObject({ export: 'PhotoTour', args: ['rel/root', 'notredame', { train: false }] });
  });
});
