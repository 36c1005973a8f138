import { ArgumentTypeError, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturePath, fixturesOf } from '../../test/fixtures/io/io-fixtures';
import { AudioFormatError } from '../errors/audio-format-error';
import { AudioMetaData } from './audio-metadata';
import { info, infoSync } from './info';
import { load } from './load';

const SAME_AS_TORCHAUDIO = [...fixturesOf('.wav'), ...fixturesOf('.flac'), ...fixturesOf('.ogg')];

describe('info: parity with torchaudio.info', () => {
  it.each(SAME_AS_TORCHAUDIO)('%s reports what torchaudio 0.13.1 reports', async (name, entry) => {
    const meta = await info(fixturePath(name));
    expect(meta).toBeInstanceOf(AudioMetaData);
    expect({ ...meta }).toEqual(entry.info);
    expect({ ...infoSync(fixtureBytes(name)) }).toEqual(entry.info);
  });

  it('counts the frames load returns', async () => {
    for (const [name] of SAME_AS_TORCHAUDIO) {
      const [w] = await load(fixturePath(name));
      expect(w.shape[1], name).toBe((await info(fixturePath(name))).numFrames);
    }
  });

  it("prints as torchaudio's AudioMetaData does, camelCased", async () => {
    expect(String(await info(fixturePath('wav_pcm_s16.wav')))).toBe('AudioMetaData(sampleRate=8000, numFrames=300, numChannels=2, bitsPerSample=16, encoding=PCM_S)');
    expect(String(infoSync(fixturePath('vorbis_mono_q8.ogg')))).toBe('AudioMetaData(sampleRate=44100, numFrames=2000, numChannels=1, bitsPerSample=0, encoding=VORBIS)');
  });

  it('counts the frames of a FLAC stream whose STREAMINFO leaves the total unknown by decoding it', () => {
    const bytes = fixtureBytes('flac_s8.flac');
    // STREAMINFO's 36-bit total sits in bytes 21 (low 4 bits) to 25 of the file.
    bytes[21]! &= 0xf0;
    bytes.fill(0, 22, 26);
    expect(infoSync(bytes).numFrames).toBe(600);
  });

  it('checks its options and the data', async () => {
    await expect(info(fixturePath('wav_pcm_s16.wav'), { format: 'm4a' })).rejects.toThrow(new ValueError(`info: unknown format "m4a" (expected 'wav', 'flac', 'mp3', 'ogg' or 'vorbis')`));
    expect(() => infoSync(fixturePath('wav_pcm_s16.wav'), 'wav' as never)).toThrow(new ArgumentTypeError("infoSync: expected options to be an object such as { format: 'wav' }, got wav"));
    expect(() => infoSync(new Uint8Array(0))).toThrow(new AudioFormatError('infoSync: <buffer>: empty input (0 bytes), not audio'));
    expect(infoSync(fixtureBytes('flac_s12.flac'), { format: 'flac' }).bitsPerSample).toBe(12);
  });
});
