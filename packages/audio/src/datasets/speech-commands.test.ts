import { access, mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueError } from '@dl/core';
import { ChecksumError, DatasetError } from '@dl/core/node';
import { buildTar, startTestServer, type TestServer } from '@dl/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  audioBytes,
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
import { SPEECHCOMMANDS, type SpeechCommandsSubset } from './speech-commands';

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
  root = await mkdtemp(join(tmpdir(), 'dl-speechcommands-'));
  prefix++;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const release = () => join(root, 'SpeechCommands', 'speech_commands_v0.02');
const noProgress = { progress: false as const, retries: 0 };

/** The test release, extracted as the archive would be. */
async function laidOut(entries = layoutEntries('SPEECHCOMMANDS')): Promise<void> {
  await layOut(release(), entries);
}

describe('SPEECHCOMMANDS', () => {
  it("keeps torchaudio's releases, URLs, checksums and subsets", () => {
    expect(SPEECHCOMMANDS.baseUrl).toBe('http://download.tensorflow.org/data/');
    expect(SPEECHCOMMANDS.versions).toEqual(['speech_commands_v0.01', 'speech_commands_v0.02']);
    expect(SPEECHCOMMANDS.checksums).toEqual({
      'speech_commands_v0.01': '743935421bb51cccdb6bdd152e04c5c70274e935c82119ad7faeec31780d811d',
      'speech_commands_v0.02': 'af14739ee7dc311471de98f5f9d2c9191b18aedfe957f4a6ff791c709868ff58',
    });
    expect(SPEECHCOMMANDS.subsets).toEqual(['training', 'validation', 'testing']);
    const v2 = new SPEECHCOMMANDS(root);
    expect([v2.url, v2.downloadUrl, v2.folderInArchive, v2.subset, v2.path, v2.archiveFolder]).toEqual([
      'speech_commands_v0.02',
      'http://download.tensorflow.org/data/speech_commands_v0.02.tar.gz',
      'SpeechCommands',
      undefined,
      release(),
      join(root, 'SpeechCommands'),
    ]);
    expect(v2.checksum).toBe(SPEECHCOMMANDS.checksums['speech_commands_v0.02']);
    const v1 = new SPEECHCOMMANDS(root, { url: 'speech_commands_v0.01' });
    expect([v1.downloadUrl, v1.path, v1.checksum]).toEqual([
      'http://download.tensorflow.org/data/speech_commands_v0.01.tar.gz',
      join(root, 'SpeechCommands', 'speech_commands_v0.01'),
      SPEECHCOMMANDS.checksums['speech_commands_v0.01'],
    ]);
    // torchaudio's full URL of a release is checked against the release's checksum; other URLs are not checked.
    expect(new SPEECHCOMMANDS(root, { url: 'http://download.tensorflow.org/data/speech_commands_v0.01.tar.gz' }).checksum).toBe(SPEECHCOMMANDS.checksums['speech_commands_v0.01']);
    expect(new SPEECHCOMMANDS(root, { url: 'http://example.org/speech_commands_v0.01.tar.gz' }).checksum).toBeUndefined();
    expect(new SPEECHCOMMANDS(root, { checksum: 'A'.repeat(64) }).checksum).toBe('a'.repeat(64));
    expect(new SPEECHCOMMANDS(root, { subset: null }).subset).toBeUndefined();
  });

  it('downloads a named release from baseUrl into root, extracts it into root/SpeechCommands/<release> and serves every recording as torchaudio does', async () => {
    const bytes = buildArchive('SPEECHCOMMANDS');
    server.route(`/sc-${prefix}/speech_commands_v0.02.tar.gz`, { body: bytes });
    const speech = await new SPEECHCOMMANDS(root, {
      baseUrl: server.url(`/sc-${prefix}`),
      checksum: sha256(bytes),
      download: true,
      downloadOptions: noProgress,
    }).prepare();
    await access(join(root, 'speech_commands_v0.02.tar.gz'));
    await access(join(release(), 'validation_list.txt'));
    const expected = torchaudioItems.SPEECHCOMMANDS.None;
    expect(speech.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) {
      expect(speech.getMetadata(n)).toEqual(expected[n]!.metadata);
      expectTorchaudioItem(await speech.getItem(n), expected[n]!.item);
    }
    expect(String(speech)).toBe(`Dataset SPEECHCOMMANDS\n    Number of datapoints: 5\n    Root location: ${root}\n    URL: speech_commands_v0.02`);
  });

  it.each(['training', 'validation', 'testing'] as SpeechCommandsSubset[])("serves subset '%s' with torchaudio's list semantics", async (subset) => {
    await laidOut();
    const speech = await new SPEECHCOMMANDS(root, { subset }).prepare();
    const expected = torchaudioItems.SPEECHCOMMANDS[subset];
    expect(speech.length).toBe(expected.length);
    for (let n = 0; n < expected.length; n++) {
      expect(speech.getMetadata(n)).toEqual(expected[n]!.metadata);
      expectTorchaudioItem(await speech.getItem(n), expected[n]!.item);
    }
    expect(String(speech)).toContain(`\n    Subset: ${subset}`);
  });

  it('gives metadata without loading audio, relative to archiveFolder, as copies', async () => {
    await laidOut();
    const speech = await new SPEECHCOMMANDS(root, { subset: 'testing' }).prepare();
    expect(speech.getMetadata(-1)).toEqual(['speech_commands_v0.02/yes/aaaa1111_nohash_2.wav', 16000, 'yes', 'aaaa1111', 2]);
    await access(join(speech.archiveFolder, speech.getMetadata(0)[0]));
    speech.getMetadata(0)[2] = 'changed';
    expect(speech.getMetadata(0)[2]).toBe('no');
    expectThrows(() => new SPEECHCOMMANDS(root).getMetadata(0), DatasetError, 'SPEECHCOMMANDS: getMetadata needs the dataset prepared; call await dataset.prepare() first');
  });

  it('downloads a full URL without a checksum, as torchaudio does, into a folder named after the archive', async () => {
    const entries = [
      { name: 'left/eeee5555_nohash_0.wav', data: audioBytes('speech-1.wav') },
      { name: 'left/eeee5555_nohash_1.wav.wav', data: audioBytes('speech-2.wav') },
    ];
    const path = `/sc-${prefix}/speech_commands_test_set_v0.02.tar.gz`;
    server.route(path, { body: buildTar(entries, { gzip: true }) });
    const speech = await new SPEECHCOMMANDS(root, { url: server.url(path), download: true, downloadOptions: noProgress }).prepare();
    expect(speech.path).toBe(join(root, 'SpeechCommands', 'speech_commands_test_set_v0.02'));
    expect(String(speech)).toContain(`URL: ${server.url(path)}`);
    // The test-set archives name some files `.wav.wav`: both extensions come off.
    expect(speech.getMetadata(1)).toEqual(['speech_commands_test_set_v0.02/left/eeee5555_nohash_1.wav.wav', 16000, 'left', 'eeee5555', 1]);
  });

  it("checks the release's checksum on a mirror by default", async () => {
    const bytes = buildArchive('SPEECHCOMMANDS');
    server.route(`/sc-${prefix}/speech_commands_v0.02.tar.gz`, { body: bytes });
    const url = server.url(`/sc-${prefix}/speech_commands_v0.02.tar.gz`);
    await expectError(
      new SPEECHCOMMANDS(root, { baseUrl: server.url(`/sc-${prefix}/`), download: true, downloadOptions: noProgress }).prepare(),
      ChecksumError,
      `downloadUrl: sha256 of ${join(root, 'speech_commands_v0.02.tar.gz')} (from ${url}) is ${sha256(bytes)}, expected ${SPEECHCOMMANDS.checksums['speech_commands_v0.02']}; the file was removed`,
    );
  });

  it('throws a DatasetContentError for a list line naming a missing recording', async () => {
    await laidOut();
    await unlink(join(release(), 'yes', 'aaaa1111_nohash_2.wav'));
    const list = join(release(), 'testing_list.txt');
    const missing = join(release(), 'yes', 'aaaa1111_nohash_2.wav');
    for (const subset of ['testing', 'training'] as const) {
      const error = await expectError(
        new SPEECHCOMMANDS(root, { subset }).prepare(),
        DatasetContentError,
        `SPEECHCOMMANDS: line 2 of ${list} names yes/aaaa1111_nohash_2.wav, but ${missing} does not exist`,
      );
      expect(error.path).toBe(missing);
    }
    // Without a subset the lists are not read.
    expect((await new SPEECHCOMMANDS(root).prepare()).length).toBe(4);
  });

  it('throws a DatasetContentError when the list a subset needs is missing', async () => {
    await laidOut(layoutEntries('SPEECHCOMMANDS').filter((e) => e.name !== 'validation_list.txt'));
    const list = join(release(), 'validation_list.txt');
    await expectError(new SPEECHCOMMANDS(root, { subset: 'validation' }).prepare(), DatasetContentError, `SPEECHCOMMANDS: ${list} is missing; subset 'validation' is defined by it`);
    await expectError(new SPEECHCOMMANDS(root, { subset: 'training' }).prepare(), DatasetContentError, `SPEECHCOMMANDS: ${list} is missing; subset 'training' is defined by it`);
  });

  it('throws a DatasetContentError for a recording not named <speaker>_nohash_<n>.wav', async () => {
    await laidOut([...layoutEntries('SPEECHCOMMANDS'), { name: 'validation_list.txt', text: 'yes/take_nohash_x.wav\n' }, { name: 'yes/take_nohash_x.wav', audio: 'speech-1.wav' }]);
    const path = join(release(), 'yes', 'take_nohash_x.wav');
    await expectError(new SPEECHCOMMANDS(root, { subset: 'validation' }).prepare(), DatasetContentError, `SPEECHCOMMANDS: ${path} is not named <speakerId>_nohash_<utteranceNumber>.wav`);
  });

  it('throws a DatasetContentError for a recording at another sample rate than 16 kHz', async () => {
    await laidOut([...layoutEntries('SPEECHCOMMANDS'), { name: 'yes/ffff6666_nohash_0.wav', audio: 'yesno-1.wav' }]);
    const speech = await new SPEECHCOMMANDS(root).prepare();
    const path = join(release(), 'yes', 'ffff6666_nohash_0.wav');
    const error = await expectError(speech.getItem(5), DatasetContentError, `SPEECHCOMMANDS: ${path} has sample rate 8000, expected 16000`);
    expect(error.path).toBe(path);
  });

  it('throws a DatasetContentError for a release without recordings', async () => {
    await mkdir(join(release(), '_background_noise_'), { recursive: true });
    await writeFile(join(release(), '_background_noise_', 'white_noise.wav'), audioBytes('noise-1.wav'));
    await expectError(
      new SPEECHCOMMANDS(root).prepare(),
      DatasetContentError,
      `SPEECHCOMMANDS: no recordings (<label>/<speaker>_nohash_<n>.wav) for subset undefined (all) in ${release()}`,
    );
  });

  it('asks for download: true when the release folder is missing', async () => {
    await expectError(new SPEECHCOMMANDS(root).prepare(), DatasetError, `SPEECHCOMMANDS: dataset not found in ${release()}; pass download: true to download it`);
  });

  it('refuses an unknown subset, a bad baseUrl or a bad url', () => {
    expectThrows(
      () => new SPEECHCOMMANDS(root, { subset: 'train' as SpeechCommandsSubset }),
      ValueError,
      "SPEECHCOMMANDS: subset must be one of 'training', 'validation', 'testing', got 'train'",
    );
    expectThrows(() => new SPEECHCOMMANDS(root, { baseUrl: 'mirror' }), ValueError, "SPEECHCOMMANDS: baseUrl must be an http(s) URL, got 'mirror'");
    expectThrows(() => new SPEECHCOMMANDS(root, { url: 'speech_commands_v0.03' }), ValueError, "SPEECHCOMMANDS: url must be an http(s) URL, got 'speech_commands_v0.03'");
  });

  it('describes itself for DataLoader workers', () => {
    const spec = new SPEECHCOMMANDS(root, { subset: 'testing', baseUrl: 'http://127.0.0.1:1/', download: true }).workerSpec();
    expect([spec.export, spec.args]).toEqual(['SPEECHCOMMANDS', [root, { subset: 'testing', baseUrl: 'http://127.0.0.1:1/', download: false }]]);
  });
});
