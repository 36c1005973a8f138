import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArgumentTypeError, memoryStats, tensor, ValueError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturePath, fixturesOf, MANIFEST, maxAbsDiff, readArray } from '../../test/fixtures/io/io-fixtures';
import { AudioError } from '../errors/audio-error';
import { AudioFormatError } from '../errors/audio-format-error';
import type { AudioSource } from './audio-source';
import { load, loadSync } from './load';
import { encodeWav } from './save';

const LOSSLESS = [...fixturesOf('.wav'), ...fixturesOf('.flac')];

describe('load: parity with torchaudio.load', () => {
  // Every value equals torchaudio's: max abs diff 0 for all 29 WAV and 9 FLAC fixtures.
  it.each(LOSSLESS)('%s gives torchaudio 0.13.1 waveform exactly (max abs diff 0)', async (name, entry) => {
    const [waveform, sampleRate] = await load(fixturePath(name));
    expect(sampleRate).toBe(entry.sampleRate);
    expect(waveform.dtype).toBe('float32');
    expect(waveform.shape).toEqual(entry.shape);
    expect(maxAbsDiff(waveform.dataSync(), readArray(entry.expected))).toBe(0);
    waveform.dispose();
  });

  it.each(LOSSLESS.filter(([, e]) => e.raw))('%s with normalize: false gives the stored integers torchaudio returns', async (name, entry) => {
    const [raw] = await load(fixturePath(name), { normalize: false });
    expect(raw.dtype).toBe('int32');
    expect(raw.shape).toEqual(entry.shape);
    expect(maxAbsDiff(raw.dataSync(), readArray(entry.raw!.expected))).toBe(0);
    raw.dispose();
  });

  it('returns float32 for float, mu-law and A-law WAV with normalize: false, as torchaudio does', async () => {
    for (const name of ['wav_pcm_f32.wav', 'wav_pcm_f64.wav', 'wav_ulaw.wav', 'wav_alaw.wav', 'flac_s16_stereo.flac']) {
      const [w] = await load(fixturePath(name), { normalize: false });
      expect(w.dtype).toBe('float32');
      expect(maxAbsDiff(w.dataSync(), readArray(MANIFEST.files[name]!.expected))).toBe(0);
    }
  });

  it('matches the shared reference audio_load_wav16.json (first 2000 frames, within its 7 printed digits)', async () => {
    const ref = JSON.parse(readFileSync(fixturePath('audio_load_wav16.json'), 'utf8'));
    const [waveform, sampleRate] = await load(fixturePath('audio_stereo_16bit.wav'), { numFrames: 2000 });
    expect(sampleRate).toBe(ref.params.sample_rate);
    expect(waveform.shape).toEqual(ref.expected.waveform_head.shape);
    expect(maxAbsDiff(waveform.dataSync(), ref.expected.waveform_head.data)).toBeLessThan(5e-7);
  });

  it('gives torchaudio frame ranges: frameOffset and numFrames, past the end included', async () => {
    for (const [name, entry] of LOSSLESS.filter(([, e]) => e.ranges.length > 0)) {
      const full = readArray(entry.expected);
      const [channels, frames] = entry.shape;
      for (const range of entry.ranges) {
        const [part] = await load(fixturePath(name), { frameOffset: range.frameOffset, numFrames: range.numFrames });
        expect(part.shape, `${name} ${JSON.stringify(range)}`).toEqual(range.shape);
        const n = range.shape[1];
        const want = new Float64Array(channels * n);
        for (let c = 0; c < channels; c++) want.set(full.subarray(c * frames + range.frameOffset, c * frames + range.frameOffset + n), c * n);
        expect(maxAbsDiff(part.dataSync(), want)).toBe(0);
      }
    }
  });

  it('returns [time, channel] with channelsFirst: false', async () => {
    const [first] = await load(fixturePath('wav_6ch_s16.wav'));
    const [last] = await load(fixturePath('wav_6ch_s16.wav'), { channelsFirst: false });
    expect(last.shape).toEqual([50, 6]);
    expect(last.transpose(0, 1).dataSync()).toEqual(first.dataSync());
    const [flacLast] = await load(fixturePath('flac_s20_3ch.flac'), { channelsFirst: false, frameOffset: 7, numFrames: 9 });
    const [flacFirst] = await load(fixturePath('flac_s20_3ch.flac'), { frameOffset: 7, numFrames: 9 });
    expect(flacLast.shape).toEqual([9, 3]);
    expect(flacLast.transpose(0, 1).dataSync()).toEqual(flacFirst.dataSync());
  });

  it('returns an empty [C, 0] tensor for a file with no frames, as torchaudio does', async () => {
    const [w, rate] = await load(fixturePath('wav_empty.wav'));
    expect(w.shape).toEqual([2, 0]);
    expect(rate).toBe(16000);
  });
});

describe('load: sources', () => {
  it('reads a path, a file URL, a Buffer, a Uint8Array at an odd offset and an ArrayBuffer alike', async () => {
    const name = 'wav_pcm_s16.wav';
    const want = readArray(MANIFEST.files[name]!.expected);
    const bytes = fixtureBytes(name);
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    const sources: AudioSource[] = [fixturePath(name), pathToFileURL(fixturePath(name)), readFileSync(fixturePath(name)), odd.subarray(1), bytes.buffer as ArrayBuffer];
    for (const source of sources) {
      const [w, rate] = await load(source);
      expect(rate).toBe(8000);
      expect(maxAbsDiff(w.dataSync(), want)).toBe(0);
    }
  });

  it('reads large files (past the inline-read limit) on the thread pool with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-audio-load-'));
    try {
      const frames = 50_000;
      const big = tensor(Float32Array.from({ length: 2 * frames }, (_, i) => Math.sin(i / 7) * 0.5)).reshape([2, frames]);
      const path = join(dir, 'big.wav');
      writeFileSync(path, encodeWav(big, 44100, { bitsPerSample: 16 }));
      const [fromPath] = await load(path);
      const [fromBytes] = loadSync(readFileSync(path));
      expect(fromPath.shape).toEqual([2, frames]);
      expect(fromPath.dataSync()).toEqual(fromBytes.dataSync());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves no tensor behind but the waveform', () => {
    // Measured around synchronous calls: no finalizer of another test's tensors runs in between.
    // load and loadSync build their tensor with the same code.
    for (const name of ['wav_pcm_s16.wav', 'wav_6ch_s16.wav', 'flac_s16_stereo.flac']) {
      const before = memoryStats().numTensors;
      const [w] = loadSync(fixturePath(name), { channelsFirst: false });
      // One backend tensor at most (a short waveform stays on the JavaScript heap), and none
      // left once the waveform is disposed.
      expect(memoryStats().numTensors - before, name).toBeLessThanOrEqual(1);
      w.dispose();
      expect(memoryStats().numTensors, name).toBe(before);
    }
  });

  it('loads many files concurrently, every format, each with its own decoder', async () => {
    const names = ['mp3_sox_16k_stereo.mp3', 'vorbis_stereo.ogg', 'flac_s16_stereo.flac', 'wav_pcm_s24.wav', 'mp3_lame_8k_vbr.mp3', 'vorbis_mono_q8.ogg'];
    const once = await Promise.all(names.map((n) => load(fixturePath(n))));
    const twice = await Promise.all([...names, ...names].map((n) => load(fixturePath(n))));
    names.forEach((_, i) => {
      expect(twice[i]![0].dataSync()).toEqual(once[i]![0].dataSync());
      expect(twice[i + names.length]![0].dataSync()).toEqual(once[i]![0].dataSync());
    });
  });

  it('rejects a missing file with an AudioError naming it, and sources of the wrong type', async () => {
    const missing = fixturePath('no-such-file.wav');
    await expect(load(missing)).rejects.toThrow(AudioError);
    await expect(load(missing)).rejects.toThrow(`load: ${missing}: cannot read the file (ENOENT: no such file or directory, open '${missing}')`);
    await expect(load(42 as never)).rejects.toThrow(new ArgumentTypeError('load: expected a file path, a file URL, a Uint8Array (such as a Buffer) or an ArrayBuffer, got number 42'));
    await expect(load('')).rejects.toThrow(new ArgumentTypeError('load: expected a file path, got an empty string'));
    expect(() => loadSync(missing)).toThrow(`loadSync: ${missing}: cannot read the file (ENOENT`);
    const folder = fixturePath('expected');
    await expect(load(folder)).rejects.toThrow(new AudioError(`load: ${folder}: cannot read the file (EISDIR: illegal operation on a directory, read)`));
    expect(() => loadSync(folder)).toThrow(new AudioError(`loadSync: ${folder}: cannot read the file (EISDIR: illegal operation on a directory, read)`));
  });
});

describe('load: options', () => {
  it('refuses the options torchaudio refuses, with its reasons', async () => {
    const path = fixturePath('wav_pcm_s16.wav');
    await expect(load(path, { numFrames: 0 })).rejects.toThrow(new ValueError('load: numFrames must be -1 or a positive integer, got 0'));
    await expect(load(path, { numFrames: -2 })).rejects.toThrow(new ValueError('load: numFrames must be -1 or a positive integer, got -2'));
    await expect(load(path, { numFrames: 1.5 })).rejects.toThrow(new ValueError('load: numFrames must be -1 or a positive integer, got 1.5'));
    await expect(load(path, { frameOffset: -1 })).rejects.toThrow(new ValueError('load: frameOffset must be a non-negative integer, got -1'));
    await expect(load(path, { frameOffset: Number.NaN })).rejects.toThrow(new ValueError('load: frameOffset must be a non-negative integer, got NaN'));
    await expect(load(path, { normalize: 1 as never })).rejects.toThrow(new ArgumentTypeError('load: expected normalize to be a boolean, got number 1'));
    await expect(load(path, { channelsFirst: 'yes' as never })).rejects.toThrow(new ArgumentTypeError('load: expected channelsFirst to be a boolean, got string yes'));
    await expect(load(path, null as never)).rejects.toThrow(new ArgumentTypeError('load: expected options to be an object such as { numFrames: 16000 }, got null'));
    await expect(load(path, { format: 'aiff' })).rejects.toThrow(new ValueError(`load: unknown format "aiff" (expected 'wav', 'flac', 'mp3', 'ogg' or 'vorbis')`));
    expect(() => loadSync(path, { numFrames: 0 })).toThrow(new ValueError('loadSync: numFrames must be -1 or a positive integer, got 0'));
  });

  it('takes format to require a container, refusing data of another', async () => {
    const [w] = await load(fixturePath('flac_s8.flac'), { format: 'FLAC' });
    expect(w.shape).toEqual([1, 600]);
    await expect(load(fixturePath('flac_s8.flac'), { format: 'wav' })).rejects.toThrow(new AudioFormatError(`load: ${fixturePath('flac_s8.flac')}: format 'wav' was asked for, but this is FLAC data`));
    await expect(load(fixtureBytes('wav_pcm_u8.wav'), { format: 'vorbis' })).rejects.toThrow(new AudioFormatError("load: <buffer>: format 'ogg' was asked for, but this is WAV data"));
  });
});

describe('loadSync', () => {
  it('decodes WAV and FLAC like load, and sends MP3 and Ogg Vorbis to load', async () => {
    for (const name of ['wav_pcm_f64.wav', 'flac_lpc_wasted.flac']) {
      const [a, rateA] = loadSync(fixturePath(name), { frameOffset: 3, numFrames: 200, channelsFirst: false });
      const [b, rateB] = await load(fixturePath(name), { frameOffset: 3, numFrames: 200, channelsFirst: false });
      expect(rateA).toBe(rateB);
      expect(a.dataSync()).toEqual(b.dataSync());
    }
    expect(() => loadSync(fixturePath('mp3_sox_16k_stereo.mp3'))).toThrow(
      new AudioFormatError(`loadSync: ${fixturePath('mp3_sox_16k_stereo.mp3')}: MP3 decodes asynchronously: use load() rather than loadSync()`),
    );
    expect(() => loadSync(fixtureBytes('vorbis_stereo.ogg'))).toThrow(new AudioFormatError('loadSync: <buffer>: Ogg Vorbis decodes asynchronously: use load() rather than loadSync()'));
  });
});
