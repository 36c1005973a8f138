import { access, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
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
  sha256,
  torchaudioItems,
} from '../../test/fixtures/datasets/support';
import { DatasetContentError } from '../errors/dataset-content-error';
import { LIBRISPEECH, type LibriSpeechSubset } from './librispeech';

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
  root = await mkdtemp(join(tmpdir(), 'dl-librispeech-'));
  prefix++;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const devClean = () => join(root, 'LibriSpeech', 'dev-clean');
const chapter84 = () => join(devClean(), '84', '121123');

describe('LIBRISPEECH', () => {
  it("keeps torchaudio's subsets, URL and checksums", () => {
    expect(LIBRISPEECH.baseUrl).toBe('http://www.openslr.org/resources/12/');
    expect(LIBRISPEECH.subsets).toEqual(['dev-clean', 'dev-other', 'test-clean', 'test-other', 'train-clean-100', 'train-clean-360', 'train-other-500']);
    expect(LIBRISPEECH.checksums['dev-clean']).toBe('76f87d090650617fca0cac8f88b9416e0ebf80350acb97b343a85fa903728ab3');
    expect(LIBRISPEECH.checksums['train-other-500']).toBe('ddb22f27f96ec163645d53215559df6aa36515f26e01dd70798188350adcb6d2');
    expect(Object.keys(LIBRISPEECH.checksums)).toEqual(LIBRISPEECH.subsets);
    const train = new LIBRISPEECH(root);
    expect(train.checksum).toBe(LIBRISPEECH.checksums['train-clean-100']);
    expect(new LIBRISPEECH(root, { url: 'dev-other', baseUrl: 'https://mirror.example.org/12' }).checksum).toBe(LIBRISPEECH.checksums['dev-other']);
    expect([train.url, train.folderInArchive, train.downloadUrl, train.path]).toEqual([
      'train-clean-100',
      'LibriSpeech',
      'http://www.openslr.org/resources/12/train-clean-100.tar.gz',
      join(root, 'LibriSpeech', 'train-clean-100'),
    ]);
  });

  it('downloads <subset>.tar.gz from baseUrl into root, extracts it there and serves the items and metadata torchaudio serves', async () => {
    const bytes = buildArchive('LIBRISPEECH');
    server.route(`/ls-${prefix}/dev-clean.tar.gz`, { body: bytes });
    const dev = await new LIBRISPEECH(root, {
      url: 'dev-clean',
      baseUrl: server.url(`/ls-${prefix}/`),
      checksum: sha256(bytes),
      download: true,
      downloadOptions: { progress: false },
    }).prepare();
    await access(join(root, 'dev-clean.tar.gz'));
    await access(join(root, 'LibriSpeech', 'SPEAKERS.TXT'));
    const expected = torchaudioItems.LIBRISPEECH;
    expect(dev.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) {
      expect(dev.getMetadata(n)).toEqual(expected[n]!.metadata);
      expectTorchaudioItem(await dev.getItem(n), expected[n]!.item);
    }
    expect(dev.getMetadata(0)).toEqual([
      'dev-clean/1272/128104/1272-128104-0000.flac',
      16000,
      'MISTER QUILTER IS THE APOSTLE OF THE MIDDLE CLASSES AND WE ARE GLAD TO WELCOME HIS GOSPEL',
      1272,
      128104,
      0,
    ]);
    await access(join(dev.archiveFolder, dev.getMetadata(2)[0]));
    expect(String(dev)).toBe(`Dataset LIBRISPEECH\n    Number of datapoints: 3\n    Root location: ${root}\n    URL: dev-clean`);
  });

  it("checks the subset's checksum on a mirror by default", async () => {
    const bytes = buildArchive('LIBRISPEECH');
    server.route(`/ls-${prefix}/dev-clean.tar.gz`, { body: bytes });
    await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean', baseUrl: server.url(`/ls-${prefix}`), download: true, downloadOptions: { progress: false } }).prepare(),
      ChecksumError,
      `downloadUrl: sha256 of ${join(root, 'dev-clean.tar.gz')} (from ${server.url(`/ls-${prefix}/dev-clean.tar.gz`)}) is ${sha256(bytes)}, expected ${LIBRISPEECH.checksums['dev-clean']}; the file was removed`,
    );
  });

  it('reads another folderInArchive', async () => {
    await layOut(root, layoutEntries('LIBRISPEECH').map((e) => ({ ...e, name: e.name.replace(/^LibriSpeech\//, 'Books/') })));
    const dev = await new LIBRISPEECH(root, { url: 'dev-clean', folderInArchive: 'Books' }).prepare();
    expect([dev.path, dev.length]).toEqual([join(root, 'Books', 'dev-clean'), 3]);
  });

  it('throws a DatasetContentError for a recording without its transcript line', async () => {
    await layOut(root, [...layoutEntries('LIBRISPEECH'), { name: 'LibriSpeech/dev-clean/84/121123/84-121123-0002.flac', audio: 'libri-1.flac' }]);
    const transcripts = join(chapter84(), '84-121123.trans.txt');
    const error = await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(),
      DatasetContentError,
      `LIBRISPEECH: ${join(chapter84(), '84-121123-0002.flac')} has no transcript: no line for 84-121123-0002 in ${transcripts}`,
    );
    expect(error.path).toBe(transcripts);
  });

  it('throws a DatasetContentError for a transcript line without its recording', async () => {
    await layOut(root, layoutEntries('LIBRISPEECH'));
    const audio = join(chapter84(), '84-121123-0001.flac');
    await unlink(audio);
    const error = await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(),
      DatasetContentError,
      `LIBRISPEECH: line 2 of ${join(chapter84(), '84-121123.trans.txt')} names 84-121123-0001, but ${audio} does not exist`,
    );
    expect(error.path).toBe(audio);
  });

  it('throws a DatasetContentError for a missing transcript file or a malformed line', async () => {
    await layOut(root, layoutEntries('LIBRISPEECH'));
    const transcripts = join(chapter84(), '84-121123.trans.txt');
    await writeFile(transcripts, '84-121123-0000 GO DO YOU HEAR\n\n84-121123-0001\n');
    await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(),
      DatasetContentError,
      `LIBRISPEECH: line 3 of ${transcripts} is not '<utterance id> <transcript>': "84-121123-0001"`,
    );
    await unlink(transcripts);
    await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(),
      DatasetContentError,
      `LIBRISPEECH: ${transcripts} is missing; it holds the transcripts of the recordings in ${chapter84()}`,
    );
  });

  it('throws a DatasetContentError for a recording not named after its folders', async () => {
    await layOut(root, [...layoutEntries('LIBRISPEECH'), { name: 'LibriSpeech/dev-clean/84/121123/85-121123-0000.flac', audio: 'libri-1.flac' }]);
    await expectError(
      new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(),
      DatasetContentError,
      `LIBRISPEECH: ${join(chapter84(), '85-121123-0000.flac')} is not named 84-121123-<utterance>.flac after its folders`,
    );
  });

  it('throws a DatasetContentError for a recording at another sample rate than 16 kHz', async () => {
    await layOut(root, [
      ...layoutEntries('LIBRISPEECH'),
      { name: 'LibriSpeech/dev-clean/9/9/9-9.trans.txt', text: '9-9-0000 A FAST ONE\n' },
      { name: 'LibriSpeech/dev-clean/9/9/9-9-0000.flac', audio: 'vctk-1.flac' },
    ]);
    const dev = await new LIBRISPEECH(root, { url: 'dev-clean' }).prepare();
    const path = join(devClean(), '9', '9', '9-9-0000.flac');
    await expectError(dev.getItem(-1), DatasetContentError, `LIBRISPEECH: ${path} has sample rate 48000, expected 16000`);
  });

  it('throws a DatasetContentError for a subset folder without recordings', async () => {
    await mkdir(join(devClean(), '84', '121123'), { recursive: true });
    await expectError(new LIBRISPEECH(root, { url: 'dev-clean' }).prepare(), DatasetContentError, `LIBRISPEECH: no recordings (<speaker>/<chapter>/*.flac) in ${devClean()}`);
  });

  it('asks for download: true when the subset folder is missing', async () => {
    await expectError(new LIBRISPEECH(root, { url: 'test-other' }).prepare(), DatasetError, `LIBRISPEECH: dataset not found in ${join(root, 'LibriSpeech', 'test-other')}; pass download: true to download it`);
  });

  it('refuses an unknown subset', () => {
    expectThrows(
      () => new LIBRISPEECH(root, { url: 'train-960' as LibriSpeechSubset }),
      ValueError,
      "LIBRISPEECH: url must be one of 'dev-clean', 'dev-other', 'test-clean', 'test-other', 'train-clean-100', 'train-clean-360', 'train-other-500', got 'train-960'",
    );
  });

  it('describes itself for DataLoader workers', () => {
    const spec = new LIBRISPEECH(root, { url: 'dev-other', download: true, downloadOptions: { retries: 1 } }).workerSpec();
    expect([spec.export, spec.args]).toEqual(['LIBRISPEECH', [root, { url: 'dev-other', download: false }]]);
  });
});
