import { access, mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
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
import { VCTK_092 } from './vctk-092';

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
  root = await mkdtemp(join(tmpdir(), 'dl-vctk-'));
  prefix++;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const corpus = () => join(root, 'VCTK-Corpus-0.92');

/** The test layout, extracted as the zip would be. */
async function laidOut(entries = layoutEntries('VCTK_092')): Promise<void> {
  await layOut(corpus(), entries);
}

describe('VCTK_092', () => {
  it("keeps torchaudio's URL, checksum and microphones", () => {
    expect(VCTK_092.url).toBe('https://datashare.is.ed.ac.uk/bitstream/handle/10283/3443/VCTK-Corpus-0.92.zip');
    expect(VCTK_092.checksums).toEqual({ [VCTK_092.url]: 'f96258be9fdc2cbff6559541aae7ea4f59df3fcaf5cf963aae5ca647357e359c' });
    expect(VCTK_092.micIds).toEqual(['mic1', 'mic2']);
    const vctk = new VCTK_092(root);
    expect([vctk.micId, vctk.url, vctk.audioExt, vctk.path, vctk.checksum]).toEqual(['mic2', VCTK_092.url, '.flac', corpus(), VCTK_092.checksums[VCTK_092.url]]);
    expect(new VCTK_092(root, { url: 'https://mirror.example.org/VCTK-Corpus-0.92.zip' }).checksum).toBeUndefined();
  });

  it('downloads the zip to root/VCTK-Corpus-0.92.zip, extracts it into root/VCTK-Corpus-0.92 and serves the mic2 items torchaudio serves', async () => {
    const { url, checksum } = serveArchive(server, 'VCTK_092', undefined, `vctk-${prefix}`);
    const vctk = await new VCTK_092(root, { url, checksum, download: true, downloadOptions: { progress: false } }).prepare();
    await access(join(root, 'VCTK-Corpus-0.92.zip'));
    expect((await readdir(corpus())).sort()).toEqual(['README.txt', 'speaker-info.txt', 'txt', 'wav48_silence_trimmed']);
    // p280 has no mic2 recordings and p362_002 lacks one: skipped, as torchaudio skips them.
    const expected = torchaudioItems.VCTK_092.mic2;
    expect(vctk.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) expectTorchaudioItem(await vctk.getItem(n), expected[n]!.item);
    expect(String(vctk)).toBe(`Dataset VCTK_092\n    Number of datapoints: 3\n    Root location: ${root}\n    Mic: mic2`);
  });

  it('serves the mic1 items, with first transcript lines as torchaudio reads them', async () => {
    await laidOut();
    const vctk = await new VCTK_092(root, { micId: 'mic1' }).prepare();
    const expected = torchaudioItems.VCTK_092.mic1;
    expect(vctk.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) expectTorchaudioItem(await vctk.getItem(n), expected[n]!.item);
    const [, sampleRate, transcript, speakerId, utteranceId] = await vctk.getItem(2);
    // "\r\n" reads as "\n"; a file without a final newline gives its line as is.
    expect([sampleRate, transcript, speakerId, utteranceId]).toEqual([48000, 'Hello there.\n', 'p280', '001']);
    expect((await vctk.getItem(3))[2]).toBe('We also need a small plastic snake.');
  });

  it('downloads from another URL without a checksum, as torchaudio does, and checks one when given', async () => {
    const bytes = buildArchive('VCTK_092');
    const { url } = serveArchive(server, 'VCTK_092', bytes, `vctk-${prefix}`);
    const vctk = await new VCTK_092(root, { url, download: true, downloadOptions: { progress: false } }).prepare();
    expect(vctk.length).toBe(3);

    const other = await mkdtemp(join(tmpdir(), 'dl-vctk-sum-'));
    try {
      const wrong = '0'.repeat(64);
      const path = join(other, 'VCTK-Corpus-0.92.zip');
      await expectError(
        new VCTK_092(other, { url, checksum: wrong, download: true, downloadOptions: { progress: false } }).prepare(),
        ChecksumError,
        `downloadUrl: sha256 of ${path} (from ${url}) is ${sha256(bytes)}, expected ${wrong}; the file was removed`,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('reads a copy converted to another format with audioExt', async () => {
    await laidOut(layoutEntries('VCTK_092').map((e) => (e.audio ? { name: e.name.replace(/\.flac$/, '.wav'), audio: 'speech-1.wav' } : e)));
    const vctk = await new VCTK_092(root, { micId: 'mic1', audioExt: '.wav' }).prepare();
    expect(vctk.length).toBe(5);
    await expectError(new VCTK_092(root, { micId: 'mic1' }).prepare(), DatasetContentError, /p225_001\.txt has no recording/);
  });

  it('throws a DatasetContentError for a transcript without its recording (other speakers than p362)', async () => {
    await laidOut();
    const audio = join(corpus(), 'wav48_silence_trimmed', 'p225', 'p225_002_mic2.flac');
    await unlink(audio);
    const error = await expectError(
      new VCTK_092(root).prepare(),
      DatasetContentError,
      `VCTK_092: ${join(corpus(), 'txt', 'p225', 'p225_002.txt')} has no recording: ${audio} does not exist`,
    );
    expect(error.path).toBe(audio);
  });

  it('throws a DatasetContentError for a transcript file not named after its speaker', async () => {
    await laidOut([...layoutEntries('VCTK_092'), { name: 'txt/p225/p226_003.txt', text: 'Wrong speaker.\n' }]);
    const path = join(corpus(), 'txt', 'p225', 'p226_003.txt');
    await expectError(
      new VCTK_092(root).prepare(),
      DatasetContentError,
      `VCTK_092: ${path} is not named <speaker>_<utterance>.txt after its folder (expected p225_<utterance>.txt)`,
    );
  });

  it('throws a DatasetContentError for a corpus without transcripts, and when a transcript file is empty', async () => {
    await mkdir(join(corpus(), 'txt'), { recursive: true });
    await expectError(new VCTK_092(root).prepare(), DatasetContentError, `VCTK_092: no transcripts (txt/<speaker>/<speaker>_<utterance>.txt) in ${corpus()}`);

    await laidOut();
    const text = join(corpus(), 'txt', 'p225', 'p225_001.txt');
    await writeFile(text, '');
    const vctk = await new VCTK_092(root).prepare();
    await expectError(vctk.getItem(0), DatasetContentError, `VCTK_092: ${text} is empty; expected the transcript on its first line`);
  });

  it('asks for download: true when the corpus is missing', async () => {
    await expectError(new VCTK_092(root).prepare(), DatasetError, `VCTK_092: dataset not found in ${corpus()}; pass download: true to download it`);
  });

  it('refuses an unknown micId', () => {
    expectThrows(() => new VCTK_092(root, { micId: 'mic3' as 'mic1' }), ValueError, "VCTK_092: micId must be one of 'mic1', 'mic2', got 'mic3'");
    expectThrows(() => new VCTK_092(root, { audioExt: 1 as unknown as string }), ValueError, 'VCTK_092: audioExt must be a string, got number');
  });

  it('describes itself for DataLoader workers', () => {
    const spec = new VCTK_092(root, { micId: 'mic1', download: true }).workerSpec();
    expect([spec.export, spec.args]).toEqual(['VCTK_092', [root, { micId: 'mic1', download: false }]]);
  });
});
