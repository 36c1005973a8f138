import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLoader } from '@dl/core';
import { DatasetError, type DatasetResource } from '@dl/core/node';
import { buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { __Name__, type __Name__Options } from './__name__';

// A small archive in the real one's layout, served from 127.0.0.1: the test needs no network.
const csv = '1.0,2.0,alpha\n3.0,4.0,beta\n5.0,6.0,alpha\n\n';
const archive = buildZip([{ name: __Name__.dataFile, data: csv }]);

let root: string;
let server: TestServer;

/** An __Name__ in `root` that downloads `body` (the good archive by default) from the local server. */
function local(options: __Name__Options = {}, body: Buffer = archive): __Name__ {
  server.route('/archive.zip', { body });
  const resource: DatasetResource = {
    url: server.url('/archive.zip'),
    filename: 'archive.zip',
    sha256: createHash('sha256').update(body).digest('hex'),
    extract: true,
  };
  class Local__Name__ extends __Name__ {
    protected override readonly resources = [resource];
  }
  return new Local__Name__(root, { download: true, downloadOptions: { progress: false }, ...options });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-__name__-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('__Name__', () => {
  it('downloads, verifies and extracts the archive, then serves [features, label] items', async () => {
    const data = await local().prepare();
    expect(data.length).toBe(3);
    expect(data.classes).toEqual(['alpha', 'beta']);
    const [x, y] = await data.getItem(1);
    expect(x.shape).toEqual([2]);
    expect(x.tolist()).toEqual([3, 4]);
    expect(y).toBe(1);
    expect(String(data)).toContain('Dataset __Name__\n    Number of datapoints: 3');
  });

  it('batches with the DataLoader', async () => {
    const data = await local().prepare();
    const batches: Array<[number[], number[]]> = [];
    for await (const [x, y] of new DataLoader(data, { batchSize: 2 })) {
      batches.push([x.shape, y.tolist() as number[]]);
    }
    expect(batches).toEqual([
      [[2, 2], [0, 1]],
      [[1, 2], [0]],
    ]);
  });

  it('asks for download: true when the files are missing', async () => {
    await expect(local({ download: false }).prepare()).rejects.toThrow(
      new DatasetError(`__Name__: dataset not found in ${join(root, '__Name__')}; pass download: true to download it`),
    );
  });

  it('rejects a file that is not numbers then a label', async () => {
    const bad = local({}, buildZip([{ name: __Name__.dataFile, data: '1.0,2.0,alpha\nx,y,beta\n' }]));
    await expect(bad.prepare()).rejects.toThrow(
      new DatasetError(`__Name__: line 2 of ${join(root, '__Name__', __Name__.dataFile)} is not numbers then a label: 'x,y,beta'`),
    );
  });
});
