import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArgumentTypeError, DTypeError, ShapeError, type Tensor, tensor, ValueError } from '@dl/core';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureBytes, fixturesOf, maxAbsDiff, readFloat32, readInt32 } from '../../test/fixtures/io/io-fixtures';
import { AudioError } from '../errors/audio-error';
import { AudioFormatError } from '../errors/audio-format-error';
import { load } from './load';
import { encodeWav, type SaveOptions, save, saveSync } from './save';

const dir = mkdtempSync(join(tmpdir(), 'dl-audio-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tensor each fixture was saved from, rebuilt from the sources the generator wrote. */
function input(name: string): { waveform: Tensor; dtype?: SaveOptions['dtype'] } {
  const source = tensor(readFloat32('source.f32')).reshape([2, 300]);
  const six = tensor(readFloat32('source_6ch.f32')).reshape([6, 50]);
  switch (name) {
    case 'source':
      return { waveform: source };
    case 'source[:1]':
      return { waveform: source.narrow(0, 0, 1) };
    case 'source_6ch':
      return { waveform: six };
    case 'source_6ch[:3] as [time, channel]':
      return { waveform: six.narrow(0, 0, 3).transpose(0, 1).contiguous() };
    case 'zeros [2, 0]':
      return { waveform: tensor(new Float32Array(0)).reshape([2, 0]) };
    case 'source_int32':
      return { waveform: tensor(readInt32('source_int32.i32')).reshape([2, 40]), dtype: 'int32' };
    case 'source_int16':
      return { waveform: tensor(readInt32('source_int16.i32')).reshape([2, 40]), dtype: 'int16' };
    case 'source_uint8':
      return { waveform: tensor(readInt32('source_uint8.i32')).reshape([1, 41]), dtype: 'uint8' };
    default:
      throw new Error(`no input called ${name}`);
  }
}

const SAVED = fixturesOf('.wav').filter(([, e]) => e.save?.input);

describe('save: the bytes torchaudio.save writes', () => {
  // 29 WAV files written by torchaudio 0.13.1 (every encoding, bit depth, default, dtype, channel
  // layout): @dl/audio writes each byte for byte (header, fact chunk, channel mask, samples, padding).
  it.each(SAVED)('%s is byte-identical', (name, entry) => {
    const { waveform, dtype } = input(entry.save!.input!);
    const options: SaveOptions = {
      encoding: (entry.save!.encoding ?? undefined) as SaveOptions['encoding'],
      bitsPerSample: (entry.save!.bitsPerSample ?? undefined) as SaveOptions['bitsPerSample'],
      channelsFirst: entry.save!.channelsFirst ?? true,
      dtype,
    };
    expect(Buffer.from(encodeWav(waveform, entry.sampleRate, options)).equals(Buffer.from(fixtureBytes(name)))).toBe(true);
  });

  it('writes files that load back to what torchaudio loads from its own', async () => {
    const { waveform } = input('source');
    const cases: [SaveOptions['encoding'], SaveOptions['bitsPerSample'], string][] = [
      ['PCM_S', 16, 'wav_pcm_s16.wav'],
      ['PCM_S', 24, 'wav_pcm_s24.wav'],
      ['PCM_U', 8, 'wav_pcm_u8.wav'],
      ['PCM_F', 64, 'wav_pcm_f64.wav'],
      ['ULAW', 8, 'wav_ulaw.wav'],
    ];
    for (const [encoding, bitsPerSample, name] of cases) {
      const path = join(dir, `round-${encoding}-${bitsPerSample}.wav`);
      await save(path, waveform, 8000, { encoding, bitsPerSample });
      const [back] = await load(path);
      const [theirs] = await load(fixtureBytes(name));
      expect(maxAbsDiff(back.dataSync(), theirs.dataSync())).toBe(0);
    }
  });

  it('round-trips 16-bit integers from load(normalize: false) with dtype int16', async () => {
    const [raw, rate] = await load(fixtureBytes('wav_pcm_s16.wav'), { normalize: false });
    const path = join(dir, 'int16.wav');
    saveSync(path, raw, rate, { dtype: 'int16' });
    expect(readFileSync(path).equals(Buffer.from(fixtureBytes('wav_pcm_s16.wav')))).toBe(true);
  });

  it('saves to a file URL, and with format when the extension does not say WAV', async () => {
    const { waveform } = input('source');
    await save(pathToFileURL(join(dir, 'url.wav')), waveform, 8000);
    expect(readFileSync(join(dir, 'url.wav')).equals(Buffer.from(fixtureBytes('wav_pcm_f32.wav')))).toBe(true);
    await save(join(dir, 'clip.bin'), waveform, 8000, { format: 'WAV' });
    expect(readFileSync(join(dir, 'clip.bin')).equals(Buffer.from(fixtureBytes('wav_pcm_f32.wav')))).toBe(true);
  });
});

describe('save: bad arguments', () => {
  const w = tensor(new Float32Array(8)).reshape([2, 4]);

  it("refuses the encoding and bit depth combinations WAV cannot hold, with torchaudio's reasons", () => {
    expect(() => encodeWav(w, 8000, { encoding: 'PCM_S', bitsPerSample: 8 })).toThrow(new ValueError("encodeWav: WAV does not support 8-bit signed PCM (use encoding 'PCM_U' for 8 bits)"));
    expect(() => encodeWav(w, 8000, { encoding: 'PCM_U', bitsPerSample: 16 })).toThrow(new ValueError('encodeWav: WAV supports only 8 bits for unsigned PCM, got bitsPerSample 16'));
    expect(() => encodeWav(w, 8000, { encoding: 'PCM_F', bitsPerSample: 16 })).toThrow(new ValueError('encodeWav: WAV supports 32-bit or 64-bit floating-point PCM, got bitsPerSample 16'));
    expect(() => encodeWav(w, 8000, { encoding: 'ULAW', bitsPerSample: 16 })).toThrow(new ValueError('encodeWav: WAV supports only 8 bits for mu-law, got bitsPerSample 16'));
    expect(() => encodeWav(w, 8000, { encoding: 'ALAW', bitsPerSample: 32 })).toThrow(new ValueError('encodeWav: WAV supports only 8 bits for A-law, got bitsPerSample 32'));
    expect(() => encodeWav(w, 8000, { encoding: 'GSM' as never })).toThrow(new ValueError(`encodeWav: unknown encoding "GSM" (expected 'PCM_S', 'PCM_U', 'PCM_F', 'ULAW' or 'ALAW')`));
    expect(() => encodeWav(w, 8000, { bitsPerSample: 12 as never })).toThrow(new ValueError('encodeWav: bitsPerSample must be 8, 16, 24, 32 or 64, got 12'));
  });

  it('refuses waveforms that are not 2-D float32/int32 tensors, and impossible channel counts', () => {
    expect(() => encodeWav([0, 1] as never, 8000)).toThrow(new ArgumentTypeError('encodeWav: expected waveform to be a Tensor, got an array'));
    expect(() => encodeWav(tensor(new Float32Array(4)), 8000)).toThrow(new ShapeError('encodeWav: expected a 2-D waveform ([channel, time]), got shape [4]'));
    expect(() => encodeWav(tensor(new Float32Array(4)).reshape([1, 2, 2]), 8000, { channelsFirst: false })).toThrow(new ShapeError('encodeWav: expected a 2-D waveform ([time, channel]), got shape [1, 2, 2]'));
    expect(() => encodeWav(tensor([true, false]).reshape([1, 2]), 8000)).toThrow(new DTypeError('encodeWav: expected a float32 or int32 waveform, got dtype bool'));
    expect(() => encodeWav(tensor(new Float32Array(0)).reshape([0, 5]), 8000)).toThrow(new ShapeError('encodeWav: the waveform has no channels (shape [0, 5])'));
    // The seed's [278756, 2] waveform saved channels-first would be 278756 channels.
    expect(() => encodeWav(tensor(new Float32Array(40000)).reshape([20000, 2]), 44100)).toThrow(
      new ValueError('encodeWav: 20000 channels of 32 bits do not fit a WAV frame (at most 65535 bytes); is the waveform [time, channel] (pass channelsFirst: false)?'),
    );
  });

  it('refuses a sample rate that is not a positive integer', () => {
    for (const rate of [0, -8000, 8000.5, Number.NaN, 2 ** 32]) {
      expect(() => encodeWav(w, rate)).toThrow(new ValueError(`encodeWav: sampleRate must be a positive integer (at most 4294967295 in WAV), got ${rate}`));
    }
  });

  it('checks the dtype option against the tensor and its values against the dtype', () => {
    const ints = tensor(Int32Array.of(0, 32767, -32768, 40000)).reshape([1, 4]);
    expect(() => encodeWav(ints, 8000, { dtype: 'int16' })).toThrow(new ValueError("encodeWav: with dtype 'int16' the values must lie in [-32768, 32767], got 40000 at index 3"));
    expect(() => encodeWav(ints, 8000, { dtype: 'uint8' })).toThrow(new ValueError("encodeWav: with dtype 'uint8' the values must lie in [0, 255], got 32767 at index 1"));
    expect(() => encodeWav(ints, 8000, { dtype: 'float32' })).toThrow(new DTypeError("encodeWav: dtype 'float32' needs a float32 waveform, got dtype int32"));
    expect(() => encodeWav(w, 8000, { dtype: 'int16' })).toThrow(new DTypeError("encodeWav: dtype 'int16' needs an int32 waveform, got dtype float32"));
    expect(() => encodeWav(w, 8000, { dtype: 'int8' as never })).toThrow(new ValueError(`encodeWav: unknown dtype "int8" (expected 'float32', 'int32', 'int16' or 'uint8')`));
  });

  it('checks the types of the other options', () => {
    expect(() => encodeWav(w, 8000, { channelsFirst: 1 as never })).toThrow(new ArgumentTypeError('encodeWav: expected channelsFirst to be a boolean, got number 1'));
    expect(() => encodeWav(w, 8000, { compression: '8' as never })).toThrow(new ArgumentTypeError('encodeWav: expected compression to be a finite number, got string 8'));
    expect(() => encodeWav(w, 8000, null as never)).toThrow(new ArgumentTypeError('encodeWav: expected options to be an object such as { bitsPerSample: 16 }, got null'));
    // torchaudio ignores compression for WAV.
    expect(encodeWav(w, 8000, { compression: 5 })).toEqual(encodeWav(w, 8000));
  });

  it('refuses formats it cannot write (no FLAC, MP3 or Ogg encoder) and paths without an extension', async () => {
    await expect(save(join(dir, 'a.flac'), w, 8000)).rejects.toThrow(new AudioFormatError(`save: ${join(dir, 'a.flac')}: writing FLAC is not supported: @dl/audio has no FLAC encoder (save as .wav)`));
    await expect(save(join(dir, 'a.mp3'), w, 8000)).rejects.toThrow(new AudioFormatError(`save: ${join(dir, 'a.mp3')}: writing MP3 is not supported: @dl/audio has no MP3 encoder (save as .wav)`));
    expect(() => saveSync(join(dir, 'a.wav'), w, 8000, { format: 'vorbis' })).toThrow(new AudioFormatError(`saveSync: ${join(dir, 'a.wav')}: writing Ogg Vorbis is not supported: @dl/audio has no Ogg Vorbis encoder (save as .wav)`));
    expect(() => saveSync(join(dir, 'noext'), w, 8000)).toThrow(new AudioFormatError(`saveSync: ${join(dir, 'noext')}: cannot tell the format without a file extension (pass { format: 'wav' })`));
    expect(() => saveSync(join(dir, 'a.xyz'), w, 8000)).toThrow(new AudioFormatError(`saveSync: ${join(dir, 'a.xyz')}: unknown format 'xyz' (only 'wav' can be written)`));
    expect(() => encodeWav(w, 8000, { format: 'flac' })).toThrow(new AudioFormatError('encodeWav: writing FLAC is not supported: @dl/audio has no FLAC encoder (save as .wav)'));
    await expect(save(42 as never, w, 8000)).rejects.toThrow(new ArgumentTypeError('save: expected a file path or a file URL, got number'));
  });

  it('rejects with an AudioError naming the file when it cannot be written', async () => {
    const path = join(dir, 'missing-folder', 'a.wav');
    await expect(save(path, w, 8000)).rejects.toThrow(AudioError);
    await expect(save(path, w, 8000)).rejects.toThrow(`save: ${path}: cannot write the file (ENOENT: no such file or directory, open '${path}')`);
    expect(() => saveSync(path, w, 8000)).toThrow(`saveSync: ${path}: cannot write the file (ENOENT`);
  });
});
