import { access, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ChecksumError, DatasetError } from '@dl/core/node';
import { startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
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
import { LJSPEECH } from './ljspeech';

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
  root = await mkdtemp(join(tmpdir(), 'dl-ljspeech-'));
  prefix++;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const corpus = () => join(root, 'LJSpeech-1.1');
const metadata = () => join(corpus(), 'metadata.csv');

describe('LJSPEECH', () => {
  it("keeps torchaudio's URL, checksum and folder", () => {
    expect(LJSPEECH.url).toBe('https://data.keithito.com/data/speech/LJSpeech-1.1.tar.bz2');
    expect(LJSPEECH.checksum).toBe('be1a30453f28eb8dd26af4101ae40cbf2c50413b1bb21936cbcdc6fae3de8aa5');
    expect(LJSPEECH.folderInArchive).toBe('wavs');
    const lj = new LJSPEECH(root);
    expect([lj.url, lj.folderInArchive, lj.corpusFolder, lj.path, lj.checksum]).toEqual([LJSPEECH.url, 'wavs', corpus(), join(corpus(), 'wavs'), LJSPEECH.checksum]);
    // A mirror serves the release: its checksum still applies, as in torchaudio.
    expect(new LJSPEECH(root, { url: 'https://mirror.example.org/LJSpeech-1.1.tar.bz2' }).checksum).toBe(LJSPEECH.checksum);
  });

  it('downloads the .tar.bz2 into root, extracts it there and serves the items torchaudio serves', async () => {
    const { url, checksum } = serveArchive(server, 'LJSPEECH', undefined, `lj-${prefix}`);
    const lj = await new LJSPEECH(root, { url, checksum, download: true, downloadOptions: { progress: false } }).prepare();
    await access(join(root, 'LJSpeech-1.1.tar.bz2'));
    await access(join(corpus(), 'README'));
    const expected = torchaudioItems.LJSPEECH;
    expect(lj.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) expectTorchaudioItem(await lj.getItem(n), expected[n]!.item);
    // Quotes stay as written (csv QUOTE_NONE); the normalized column spells numbers out.
    expect((await lj.getItem(1)).slice(2)).toEqual(['"in being comparatively modern."', '"in being comparatively modern."']);
    expect((await lj.getItem(2)).slice(1)).toEqual([22050, 'printed in 1469 by Mr. Jenson', 'printed in fourteen sixty-nine by Mister Jenson']);
    expect(String(lj)).toBe(`Dataset LJSPEECH\n    Number of datapoints: 3\n    Root location: ${root}`);
  });

  it("checks the release's checksum on a mirror by default", async () => {
    const bytes = buildArchive('LJSPEECH');
    const { url } = serveArchive(server, 'LJSPEECH', bytes, `lj-${prefix}`);
    await expectError(
      new LJSPEECH(root, { url, download: true, downloadOptions: { progress: false } }).prepare(),
      ChecksumError,
      `downloadUrl: sha256 of ${join(root, 'LJSpeech-1.1.tar.bz2')} (from ${url}) is ${sha256(bytes)}, expected ${LJSPEECH.checksum}; the file was removed`,
    );
  });

  it('reads another folderInArchive, and metadata with \\r\\n line ends', async () => {
    const entries = layoutEntries('LJSPEECH').map((e) => ({
      ...e,
      name: e.name.replace('/wavs/', '/clips/'),
      text: e.text?.replace(/\n/g, '\r\n'),
    }));
    await layOut(root, entries);
    const lj = await new LJSPEECH(root, { folderInArchive: 'clips' }).prepare();
    expect([lj.path, lj.length]).toEqual([join(corpus(), 'clips'), 3]);
  });

  it('throws a DatasetContentError for a metadata row without three fields', async () => {
    await layOut(root, layoutEntries('LJSPEECH'));
    await writeFile(metadata(), 'LJ001-0001|a|a\nLJ001-0002|only the transcript\n');
    const error = await expectError(
      new LJSPEECH(root).prepare(),
      DatasetContentError,
      `LJSPEECH: line 2 of ${metadata()} has 2 field(s), expected 3 (id|transcript|normalized transcript)`,
    );
    expect(error.path).toBe(metadata());
  });

  it('throws a DatasetContentError for a metadata row naming a missing clip', async () => {
    await layOut(root, layoutEntries('LJSPEECH'));
    const clip = join(corpus(), 'wavs', 'LJ001-0002.wav');
    await unlink(clip);
    const error = await expectError(new LJSPEECH(root).prepare(), DatasetContentError, `LJSPEECH: line 2 of ${metadata()} names LJ001-0002, but ${clip} does not exist`);
    expect(error.path).toBe(clip);
  });

  it('throws a DatasetContentError for missing or empty metadata', async () => {
    await layOut(root, layoutEntries('LJSPEECH'));
    await writeFile(metadata(), '\n');
    await expectError(new LJSPEECH(root).prepare(), DatasetContentError, `LJSPEECH: ${metadata()} lists no clips`);
    await unlink(metadata());
    await expectError(new LJSPEECH(root).prepare(), DatasetContentError, `LJSPEECH: ${metadata()} is missing; it lists the clips and their transcripts`);
  });

  it('asks for download: true when the clips folder is missing', async () => {
    await expectError(new LJSPEECH(root).prepare(), DatasetError, `LJSPEECH: dataset not found in ${join(corpus(), 'wavs')}; pass download: true to download it`);
  });

  it('refuses a bad url', () => {
    expectThrows(() => new LJSPEECH(root, { url: 'LJSpeech-1.1.tar.bz2' }), ValueError, "LJSPEECH: url must be an http(s) URL, got 'LJSpeech-1.1.tar.bz2'");
  });

  it('describes itself for DataLoader workers', () => {
    const spec = new LJSPEECH(root, { folderInArchive: 'clips' }).workerSpec();
    expect([spec.export, spec.args]).toEqual(['LJSPEECH', [root, { folderInArchive: 'clips', download: false }]]);
  });
});
