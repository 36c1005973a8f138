import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ChecksumError, UnsafeArchiveEntryError } from '@dl/core/node';
import { buildTar, buildZip, startTestServer, type TestServer } from '@dl/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { md5, progressRecorder, serveDataset } from '../../test/fixtures/datasets/serve-dataset';
import { DatasetMissingFileError } from '../errors/dataset-missing-file-error';
import { downloadTextDataset, MIRROR_ENV, mirrorUrl, type TextDatasetResource } from './download-text-dataset';

let root: string;
let server: TestServer;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-text-download-'));
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  delete process.env[MIRROR_ENV];
});

const quiet = { progress: false, retries: 0 } as const;

describe('downloadTextDataset', () => {
  it('downloads, verifies and extracts each missing resource, and skips those present', async () => {
    const zip = buildZip([{ name: 'trees/train.txt', data: '(2 a)\n' }]);
    const plain = 'DESC:manner How ?\n';
    server.route('/a/data.zip', { body: zip });
    server.route('/b/plain.label', { body: plain });
    const resources: TextDatasetResource[] = [
      { url: server.url('/a/data.zip'), md5: md5(zip), extract: true, check: 'trees' },
      { url: server.url('/b/plain.label'), check: 'plain.label' },
    ];
    const progress = progressRecorder();
    const folder = await downloadTextDataset('Demo', 'demo', resources, { root, downloadOptions: { progress: 'lines', progressStream: progress.stream, retries: 0 } });
    expect(folder).toBe(join(root, 'demo'));
    expect(await readFile(join(folder, 'trees', 'train.txt'), 'utf8')).toBe('(2 a)\n');
    expect(await readFile(join(folder, 'plain.label'), 'utf8')).toBe(plain);
    expect(progress.text()).toContain('data.zip');
    await downloadTextDataset('Demo', 'demo', resources, { root, downloadOptions: quiet });
    expect(server.hits('/a/data.zip')).toBe(1);
    expect(server.hits('/b/plain.label')).toBe(1);
  });

  it('takes every file from the mirror, <mirror>/<folder>/<file>, also when set by DL_TEXT_MIRROR', async () => {
    const resources: TextDatasetResource[] = [{ url: 'http://nlp.invalid/x/ptb.train.txt', check: 'ptb.train.txt' }];
    const mirror = serveDataset(server, 'penn-treebank', { 'ptb.train.txt': ' a b \n' });
    process.env[MIRROR_ENV] = mirror;
    const folder = await downloadTextDataset('PennTreebank', 'penn-treebank', resources, { root, downloadOptions: quiet });
    expect(await readFile(join(folder, 'ptb.train.txt'), 'utf8')).toBe(' a b \n');
    expect(server.hits('/mirror/penn-treebank/ptb.train.txt')).toBe(1);
  });

  it('verifies the checksum of a mirrored file too', async () => {
    const mirror = serveDataset(server, 'trec', { 'TREC_10.label': 'tampered' });
    const resources: TextDatasetResource[] = [{ url: 'http://cogcomp.invalid/TREC_10.label', md5: md5('original'), check: 'TREC_10.label' }];
    await expect(downloadTextDataset('TREC', 'trec', resources, { root, mirror, downloadOptions: quiet })).rejects.toThrow(ChecksumError);
    await expect(stat(join(root, 'trec', 'TREC_10.label'))).rejects.toThrow();
  });

  it('refuses archive entries that escape the dataset folder', async () => {
    const evil = buildTar([{ name: 'aclImdb/train/pos/0_9.txt', data: 'ok' }, { name: '../../escaped.txt', data: 'evil' }], { gzip: true });
    const mirror = serveDataset(server, 'imdb', { 'aclImdb_v1.tar.gz': evil });
    const resources: TextDatasetResource[] = [{ url: 'http://ai.invalid/aclImdb_v1.tar.gz', extract: true, check: 'aclImdb' }];
    const run = downloadTextDataset('IMDB', 'imdb', resources, { root, mirror, downloadOptions: quiet });
    await expect(run).rejects.toThrow(UnsafeArchiveEntryError);
    await expect(stat(join(root, 'escaped.txt'))).rejects.toThrow();
    await expect(stat(join(root, 'imdb', 'aclImdb'))).rejects.toThrow();
  });

  it('throws DatasetMissingFileError when an archive does not hold what it should', async () => {
    const mirror = serveDataset(server, 'sst', { 'trainDevTestTrees_PTB.zip': buildZip([{ name: 'other/train.txt', data: '(2 a)\n' }]) });
    const resources: TextDatasetResource[] = [{ url: 'http://nlp.invalid/trainDevTestTrees_PTB.zip', extract: true, check: 'trees' }];
    const run = () => downloadTextDataset('SST', 'sst', resources, { root, mirror, downloadOptions: quiet });
    await expect(run()).rejects.toThrow(DatasetMissingFileError);
    await expect(run()).rejects.toThrow(`SST: trainDevTestTrees_PTB.zip was downloaded into ${join(root, 'sst')} but did not give trees`);
  });
});

describe('mirrorUrl', () => {
  it('joins the mirror, the folder and the file name', () => {
    expect(mirrorUrl('http://127.0.0.1:9/text', 'sst', 'trainDevTestTrees_PTB.zip')).toBe('http://127.0.0.1:9/text/sst/trainDevTestTrees_PTB.zip');
    expect(mirrorUrl('http://127.0.0.1:9/text/', '', 'tasks_1-20_v1-2.tar.gz')).toBe('http://127.0.0.1:9/text/tasks_1-20_v1-2.tar.gz');
    expect(() => mirrorUrl('not a url', 'sst', 'x.zip')).toThrow(ValueError);
    expect(() => mirrorUrl('not a url', 'sst', 'x.zip')).toThrow('mirrorUrl: the mirror must be an absolute http(s) URL, got "not a url"');
  });
});
