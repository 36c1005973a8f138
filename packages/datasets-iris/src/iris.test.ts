import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLoader } from '@dl/core';
import { DatasetError, type DatasetResource } from '@dl/core/node';
import { buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Iris, type IrisOptions } from './iris';

// A small archive in the layout of UCI's iris.zip (same member names, same line format), served
// from 127.0.0.1: the test needs no network. Row 2 differs between the two files, as samples 35
// and 38 do in the real ones.
const corrected = '5.1,3.5,1.4,0.2,Iris-setosa\n4.9,3.1,1.5,0.2,Iris-setosa\n7.0,3.2,4.7,1.4,Iris-versicolor\n6.3,3.3,6.0,2.5,Iris-virginica\n\n';
const original = corrected.replace('4.9,3.1,1.5,0.2', '4.9,3.1,1.5,0.1');
const archive = buildZip([
  { name: 'Index', data: 'Index of iris\n' },
  { name: 'bezdekIris.data', data: corrected },
  { name: 'iris.data', data: original },
  { name: 'iris.names', data: '1. Title: Iris Plants Database\n' },
]);

let root: string;
let server: TestServer;

/** An Iris in `root` that downloads `body` (the good archive by default) from the local server. */
function local(options: IrisOptions = {}, body: Buffer = archive): Iris {
  server.route('/iris.zip', { body });
  const resource: DatasetResource = {
    url: server.url('/iris.zip'),
    sha256: createHash('sha256').update(body).digest('hex'),
    extract: true,
  };
  class LocalIris extends Iris {
    protected override readonly resources = [resource];
  }
  return new LocalIris(root, { download: true, downloadOptions: { progress: false }, ...options });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-iris-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('Iris', () => {
  it('keeps the real archive URL and its SHA-256', () => {
    expect(Iris.resources).toEqual([
      {
        url: 'https://archive.ics.uci.edu/static/public/53/iris.zip',
        sha256: 'd11fe30213d36434a0879aab7cb00ce3c812eb7ba2495874438abff7b7b762e9',
        extract: true,
      },
    ]);
  });

  it('downloads, verifies and extracts the archive, then serves [features, species] items', async () => {
    const data = await local().prepare();
    expect(data.length).toBe(4);
    const [x, y] = await data.getItem(2);
    expect(x.shape).toEqual([4]);
    expect(x.tolist()).toEqual([7, 3.200000047683716, 4.699999809265137, 1.399999976158142]);
    expect(y).toBe(1);
    expect(data.classes[y]).toBe('Iris-versicolor');
    expect(String(data)).toBe(`Dataset Iris\n    Number of datapoints: 4\n    Root location: ${root}\n    File: bezdekIris.data (corrected)`);
  });

  it('reads the original file with corrected: false', async () => {
    const data = await local({ corrected: false }).prepare();
    const [x] = await data.getItem(1);
    expect((x.tolist() as number[])[3]).toBeCloseTo(0.1);
    expect(String(data)).toContain('File: iris.data');
  });

  it('applies transform and targetTransform', async () => {
    class Named extends Iris<number, string> {
      protected override readonly resources = [{ url: server.url('/iris.zip'), sha256: createHash('sha256').update(archive).digest('hex'), extract: true }];
    }
    server.route('/iris.zip', { body: archive });
    const data = await new Named(root, {
      download: true,
      downloadOptions: { progress: false },
      transform: (x) => (x.tolist() as number[])[0]!,
      targetTransform: (y) => Iris.classes[y]!,
    }).prepare();
    expect(await data.getItem(-1)).toEqual([6.300000190734863, 'Iris-virginica']);
  });

  it('batches with the DataLoader', async () => {
    const data = await local().prepare();
    const batches: Array<[number[], number[]]> = [];
    for await (const [x, y] of new DataLoader(data, { batchSize: 3 })) {
      batches.push([x.shape, y.tolist() as number[]]);
    }
    expect(batches).toEqual([
      [[3, 4], [0, 0, 1]],
      [[1, 4], [2]],
    ]);
  });

  it('asks for download: true when the files are missing', async () => {
    await expect(local({ download: false }).prepare()).rejects.toThrow(
      new DatasetError(`Iris: dataset not found in ${join(root, 'Iris')}; pass download: true to download it`),
    );
  });

  it('rejects lines that are not 4 measurements and a known species', async () => {
    const bad = local({}, buildZip([{ name: 'bezdekIris.data', data: '5.1,3.5,1.4,0.2,Iris-setosa\n5.1,3.5,1.4,Iris-setosa\n' }]));
    await expect(bad.prepare()).rejects.toThrow(
      new DatasetError(
        `Iris: line 2 of ${join(root, 'Iris', 'bezdekIris.data')} is not 4 measurements and a species (Iris-setosa, Iris-versicolor, Iris-virginica): '5.1,3.5,1.4,Iris-setosa'`,
      ),
    );
  });
});
