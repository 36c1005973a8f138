import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexError, ValueError } from '@dl/core';
import { ArchiveError, ChecksumError, DatasetError, type DownloadProgress, DownloadError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  archiveName,
  buildArchive,
  expectError,
  expectThrows,
  expectTorchaudioItem,
  layOut,
  layoutEntries,
  serveArchive,
  sha256,
  torchaudioItems,
} from '../../test/fixtures/datasets/support';
import { DatasetContentError } from '../errors/dataset-content-error';
import { YESNO } from './yesno';

let server: TestServer;
let root: string;
let prefix = 0;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-yesno-'));
  prefix++;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A YESNO downloading the test archive (or `bytes`) from the local server. */
function served(bytes?: Buffer, extra: { checksum?: string; folderInArchive?: string } = {}) {
  const { url, checksum } = serveArchive(server, 'YESNO', bytes, `yesno-${prefix}`);
  return new YESNO(root, { url, checksum, download: true, downloadOptions: { progress: false, retries: 0 }, ...extra });
}

describe('YESNO', () => {
  it("keeps torchaudio's URL, checksum and folder", () => {
    expect(YESNO.url).toBe('http://www.openslr.org/resources/1/waves_yesno.tar.gz');
    expect(YESNO.checksum).toBe('c3f49e0cca421f96b75b41640749167b52118f232498667ca7a5f9416aef8e73');
    expect(YESNO.folderInArchive).toBe('waves_yesno');
    const yesno = new YESNO(root);
    expect([yesno.url, yesno.folderInArchive, yesno.path, yesno.download, yesno.checksum]).toEqual([YESNO.url, 'waves_yesno', join(root, 'waves_yesno'), false, YESNO.checksum]);
  });

  it('downloads the archive into root with progress, checks its SHA-256, extracts it and serves the items torchaudio serves', async () => {
    const bytes = buildArchive('YESNO');
    const { url, checksum } = serveArchive(server, 'YESNO', bytes, `yesno-${prefix}`);
    const progress: DownloadProgress[] = [];
    const yesno = new YESNO(root, { url, checksum, download: true, downloadOptions: { progress: false, onProgress: (p) => progress.push({ ...p }) } });
    expect(await yesno.prepare()).toBe(yesno);
    expect(progress.at(-1)).toEqual({ url, path: join(root, archiveName('YESNO')), received: bytes.length, total: bytes.length });
    expect((await readdir(join(root, 'waves_yesno'))).sort()).toEqual(
      ['0_0_0_0_1_1_1_1.wav', '0_0_1_0_0_1_1_0.wav', '0_1_0_0_1_0_1_1.wav', '1_0_1_1_0_1_0_0.wav', '1_1_1_1_1_1_1_1.wav', 'README'],
    );
    await access(join(root, 'waves_yesno.tar.gz'));

    const expected = torchaudioItems.YESNO;
    expect(yesno.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) expectTorchaudioItem(await yesno.getItem(n), expected[n]!.item);
    const [waveform, sampleRate, labels] = await yesno.getItem(-1);
    expect([waveform.shape, sampleRate, labels]).toEqual([[1, 48], 8000, [1, 1, 1, 1, 1, 1, 1, 1]]);
  });

  it('hands out a fresh labels array with every item', async () => {
    const yesno = await served().prepare();
    const [, , labels] = await yesno.getItem(0);
    labels[0] = 9;
    expect((await yesno.getItem(0))[2]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('prepares itself on the first getItem, and reads a prepared folder without downloading again', async () => {
    const first = served();
    expect(first.isPrepared).toBe(false);
    expect((await first.getItem(2))[2]).toEqual([0, 1, 0, 0, 1, 0, 1, 1]);
    expect(first.isPrepared).toBe(true);
    const requests = server.requests.length;
    const again = await new YESNO(root).prepare();
    expect(again.length).toBe(5);
    const downloading = await served().prepare();
    expect(downloading.length).toBe(5);
    expect(server.requests.length).toBe(requests);
  });

  it('prints a repr with the number of datapoints and the root as given', async () => {
    const yesno = served();
    expect(String(yesno)).toBe(`Dataset YESNO\n    Number of datapoints: ? (not prepared)\n    Root location: ${root}`);
    await yesno.prepare();
    expect(String(yesno)).toBe(`Dataset YESNO\n    Number of datapoints: 5\n    Root location: ${root}`);
  });

  it('reads another folderInArchive', async () => {
    const entries = layoutEntries('YESNO').map((e) => ({ ...e, name: e.name.replace('waves_yesno/', 'other/') }));
    const yesno = await served(buildArchive('YESNO', entries), { folderInArchive: 'other' }).prepare();
    expect(yesno.path).toBe(join(root, 'other'));
    expect(yesno.length).toBe(5);
  });

  it("checks the release's SHA-256 against a mirror by default, and removes a file that differs", async () => {
    const bytes = buildArchive('YESNO');
    const { url } = serveArchive(server, 'YESNO', bytes, `yesno-${prefix}`);
    const path = join(root, 'waves_yesno.tar.gz');
    const error = await expectError(
      new YESNO(root, { url, download: true, downloadOptions: { progress: false } }).prepare(),
      ChecksumError,
      `downloadUrl: sha256 of ${path} (from ${url}) is ${sha256(bytes)}, expected ${YESNO.checksum}; the file was removed`,
    );
    expect([error.expected, error.actual]).toEqual([YESNO.checksum, sha256(bytes)]);
    await expect(access(path)).rejects.toThrow();
    await expect(access(join(root, 'waves_yesno'))).rejects.toThrow();
  });

  it('throws an ArchiveError for a corrupt archive whose checksum matches', async () => {
    const bytes = buildArchive('YESNO');
    const cut = bytes.subarray(0, bytes.length - 40);
    const error = await expectError(served(cut).prepare(), ArchiveError, /waves_yesno\.tar\.gz is truncated or corrupt/);
    expect(error.message).toContain(join(root, 'waves_yesno.tar.gz'));
  });

  it('throws a DownloadError when the server has no archive', async () => {
    const url = server.url(`/missing-${prefix}/waves_yesno.tar.gz`);
    const error = await expectError(new YESNO(root, { url, download: true, downloadOptions: { progress: false, retries: 0 } }).prepare(), DownloadError, /404/);
    expect(error.status).toBe(404);
  });

  it('asks for download: true when the folder is missing, and says when the archive lacked it', async () => {
    await expectError(new YESNO(root).prepare(), DatasetError, `YESNO: dataset not found in ${join(root, 'waves_yesno')}; pass download: true to download it`);
    const yesno = served(undefined, { folderInArchive: 'not_there' });
    await expectError(
      yesno.prepare(),
      DatasetError,
      `YESNO: dataset not found in ${join(root, 'not_there')} after downloading and extracting ${yesno.url} into ${root}`,
    );
  });

  it('throws a DatasetContentError for a folder without .wav files', async () => {
    await mkdir(join(root, 'waves_yesno'));
    await writeFile(join(root, 'waves_yesno', 'README'), 'no audio here\n');
    const error = await expectError(new YESNO(root).prepare(), DatasetContentError, `YESNO: no .wav files in ${join(root, 'waves_yesno')}`);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.path).toBe(join(root, 'waves_yesno'));
  });

  it('throws a DatasetContentError naming a file whose name holds no labels', async () => {
    await layOut(root, [...layoutEntries('YESNO'), { name: 'waves_yesno/yes_no.wav', audio: 'yesno-1.wav' }]);
    const file = join(root, 'waves_yesno', 'yes_no.wav');
    const error = await expectError(
      new YESNO(root).prepare(),
      DatasetContentError,
      `YESNO: cannot read the labels of ${file}: expected a name of digits joined by _, such as 0_1_0_0_1_0_1_1.wav`,
    );
    expect(error.path).toBe(file);
  });

  it('needs prepare() before length, and refuses indices out of range', async () => {
    const yesno = served();
    expectThrows(() => yesno.length, DatasetError, 'YESNO: length needs the dataset prepared; call await dataset.prepare() first');
    await yesno.prepare();
    await expectError(yesno.getItem(5), IndexError, 'YESNO: index 5 is out of range for a dataset of length 5');
    await expectError(yesno.getItem(-6), IndexError, 'YESNO: index -6 is out of range for a dataset of length 5');
    await expectError(yesno.getItem(1.5), IndexError, 'YESNO: index must be an integer, got 1.5');
  });

  it('refuses bad options up front', () => {
    expectThrows(() => new YESNO(''), ValueError, "YESNO: root must be a folder path, got ''");
    expectThrows(() => new YESNO(root, { url: 'ftp://example.org/waves_yesno.tar.gz' }), ValueError, "YESNO: url must be an http(s) URL, got 'ftp://example.org/waves_yesno.tar.gz'");
    expectThrows(() => new YESNO(root, { url: 'http://example.org/' }), ValueError, "YESNO: url must end with the archive's file name, got 'http://example.org/'");
    expectThrows(() => new YESNO(root, { checksum: 'abc' }), ValueError, "YESNO: checksum must be a SHA-256 hex digest (64 hex digits), got 'abc'");
    expectThrows(() => new YESNO(root, { folderInArchive: 3 as unknown as string }), ValueError, 'YESNO: folderInArchive must be a string, got number');
    expectThrows(() => new YESNO(root, { download: 'yes' as unknown as boolean }), ValueError, 'YESNO: download must be true or false, got string');
  });

  it('describes itself for DataLoader workers: root and options, without downloading there', () => {
    const onProgress = () => {};
    const yesno = new YESNO('data', { url: 'http://127.0.0.1:1/waves_yesno.tar.gz', download: true, downloadOptions: { onProgress } });
    const spec = yesno.workerSpec();
    expect(spec.export).toBe('YESNO');
    expect(String(spec.module)).toMatch(/\/src\/index\.ts$/);
    expect(spec.args).toEqual(['data', { url: 'http://127.0.0.1:1/waves_yesno.tar.gz', download: false }]);
    expect(yesno.root).toBe(join(process.cwd(), 'data'));
  });
});
