import { describe, expect, it } from 'vitest';
import { chunk, concat, fmt, s16, text, u32, wav } from '../../../test/fixtures/io/builders';
import { fixtureBytes } from '../../../test/fixtures/io/io-fixtures';
import { AudioFormatError } from '../../errors/audio-format-error';
import { info, infoSync } from '../info';
import { load, loadSync } from '../load';

const PCM = s16(1000, -1000, 32767, -32768, 5, -5);
const PCM_VALUES = [1000, -1000, 32767, -32768, 5, -5].map((v) => v / 32768);

/** loadSync's error for these bytes. */
const fails = (bytes: Uint8Array) => () => loadSync(bytes);
const at = (message: string) => new AudioFormatError(`loadSync: <buffer>: ${message}`);

describe('WAV: headers other writers produce', () => {
  it('reads the fmt chunk after the data chunk, skips LIST/JUNK chunks and odd-sized ones with their pad byte', () => {
    const files = [
      wav([chunk('data', PCM), fmt()]),
      wav([fmt(), chunk('LIST', text('INFOabc')), chunk('JUNK', new Uint8Array(5)), chunk('data', PCM)]),
      // A writer that forgot the pad byte after an odd chunk.
      wav([fmt(), chunk('LIST', text('INFOabc'), { pad: false }), chunk('data', PCM)]),
      // A RIFF size that lies is ignored, as libsox ignores it; so is junk after the data chunk.
      wav([fmt(), chunk('data', PCM), text('garbage!')], { riffSize: 10 }),
    ];
    for (const bytes of files) {
      const [w, rate] = loadSync(bytes);
      expect(rate).toBe(8000);
      expect(Array.from(w.dataSync())).toEqual(PCM_VALUES);
    }
  });

  it('reads a data chunk of unknown size (0xFFFFFFFF, streaming writers) to the end of the file, whole frames only', () => {
    const bytes = concat([wav([fmt({ channels: 2 }), chunk('data', new Uint8Array(0), { size: 0xffffffff })]), PCM, new Uint8Array(1)]);
    const [w] = loadSync(bytes);
    expect(w.shape).toEqual([2, 3]);
    expect(infoSync(bytes).numFrames).toBe(3);
  });

  it('reads RF64 (64-bit sizes in a ds64 chunk)', () => {
    const ds64 = new Uint8Array(28);
    new DataView(ds64.buffer).setUint32(8, PCM.length, true);
    const bytes = wav([chunk('ds64', ds64), fmt(), chunk('data', PCM, { size: 0xffffffff })], { magic: 'RF64', riffSize: 0xffffffff });
    expect(Array.from(loadSync(bytes)[0].dataSync())).toEqual(PCM_VALUES);
    expect(() => loadSync(wav([fmt(), chunk('data', PCM, { size: 0xffffffff })], { magic: 'RF64' }))).toThrow(at('an RF64 file needs a ds64 chunk before its data chunk'));
    expect(() => loadSync(wav([chunk('ds64', new Uint8Array(8)), fmt(), chunk('data', PCM)], { magic: 'RF64' }))).toThrow(at("the ds64 chunk at byte 12 is 8 bytes (expected at least 24, within the 52 that follow)"));
  });

  it('reads samples narrower than their container (12 bits in 16, 20 in 24) from the container, reporting the declared bits', () => {
    const twelve = wav([fmt({ bits: 12, blockAlign: 2 }), chunk('data', PCM)]);
    expect(Array.from(loadSync(twelve)[0].dataSync())).toEqual(PCM_VALUES);
    expect(infoSync(twelve).bitsPerSample).toBe(12);
    const twenty = wav([fmt({ bits: 20, blockAlign: 3 }), chunk('data', Uint8Array.of(0x00, 0x00, 0x80, 0xf0, 0xff, 0x7f))]);
    expect(Array.from(loadSync(twenty)[0].dataSync())).toEqual([-1, 0x7ffff0 / 8388608]);
    expect(Array.from(loadSync(twenty, { normalize: false })[0].dataSync())).toEqual([-2147483648, 0x7ffff000]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with PCM, float and mu-law sub-formats and valid bits', async () => {
    const pcm = wav([fmt({ extensible: { valid: 12, mask: 4 } }), chunk('data', PCM)]);
    expect(String(await info(pcm))).toBe('AudioMetaData(sampleRate=8000, numFrames=6, numChannels=1, bitsPerSample=12, encoding=PCM_S)');
    expect(Array.from((await load(pcm))[0].dataSync())).toEqual(PCM_VALUES);
    const float = wav([fmt({ bits: 32, extensible: { valid: 32, subTag: 3 } }), chunk('data', new Uint8Array(Float32Array.of(0.5, -0.25).buffer))]);
    expect(Array.from((await load(float))[0].dataSync())).toEqual([0.5, -0.25]);
    const ulaw = wav([fmt({ bits: 8, extensible: { valid: 8, subTag: 7 } }), chunk('data', Uint8Array.of(0, 127, 128, 255))]);
    expect(Array.from((await load(ulaw))[0].dataSync())).toEqual([-32124, 0, 32124, 0].map((v) => v / 32768));
    expect((await info(ulaw)).encoding).toBe('ULAW');
  });
});

describe('WAV: bad headers', () => {
  it('refuses data that is not RIFF/WAVE', () => {
    expect(fails(concat([text('RIFX'), u32(4), text('WAVE')]))).toThrow(at('big-endian WAV (RIFX) is not supported'));
    expect(fails(concat([text('RIFF'), u32(4), text('AVI ')]))).toThrow(at('not audio in a supported format (WAV, FLAC, MP3, Ogg Vorbis): the data starts with 52 49 46 46 04 00 00 00'));
  });

  it('refuses chunk headers that are not chunk headers', () => {
    expect(fails(wav([fmt(), Uint8Array.of(1, 2, 3, 4, 0, 0, 0, 0), chunk('data', PCM)]))).toThrow(at("expected a chunk header at byte 36, found bytes '\\x01\\x02\\x03\\x04' (the file is corrupt)"));
  });

  it('refuses chunk sizes beyond the end of the file before allocating anything', () => {
    expect(fails(wav([fmt(), chunk('data', PCM, { size: 2_000_000_000 })]))).toThrow(at('the data chunk claims 2000000000 bytes but only 12 follow it (the file is truncated)'));
    expect(fails(wav([fmt(), chunk('data', PCM, { size: 13 })]))).toThrow(at('the data chunk claims 13 bytes but only 12 follow it (the file is truncated)'));
    expect(fails(wav([chunk('fmt ', new Uint8Array(16), { size: 100 })]))).toThrow(at('the fmt chunk claims 100 bytes but only 16 follow it'));
    expect(fails(wav([chunk('LIST', new Uint8Array(4), { size: 4000 }), fmt(), chunk('data', PCM)]))).toThrow(
      at("the 'LIST' chunk at byte 12 claims 4000 bytes but only 48 follow it, before any fmt chunk (the file is truncated or corrupt)"),
    );
  });

  it('refuses a file without its fmt or data chunk', () => {
    expect(fails(wav([fmt()]))).toThrow(at('the WAV file has no data chunk'));
    expect(fails(wav([chunk('data', PCM)]))).toThrow(at('the WAV file has no fmt chunk'));
    expect(fails(wav([]))).toThrow(at('the WAV file has no fmt chunk'));
  });

  it('refuses impossible fmt fields: 0 channels, a 0 Hz rate, 0 bits, short chunks', () => {
    expect(fails(wav([fmt({ channels: 0, blockAlign: 2 }), chunk('data', PCM)]))).toThrow(at('the fmt chunk says 0 channels'));
    expect(fails(wav([fmt({ rate: 0 }), chunk('data', PCM)]))).toThrow(at('the fmt chunk says the sample rate is 0 Hz'));
    expect(fails(wav([fmt({ bits: 0, blockAlign: 2 }), chunk('data', PCM)]))).toThrow(at('the fmt chunk says 0 bits per sample'));
    expect(fails(wav([chunk('fmt ', new Uint8Array(14)), chunk('data', PCM)]))).toThrow(at('the fmt chunk is 14 bytes, expected at least 16'));
    expect(fails(wav([fmt({ tag: 0xfffe, extra: Uint8Array.of(0, 0) }), chunk('data', PCM)]))).toThrow(at('a WAVE_FORMAT_EXTENSIBLE fmt chunk needs 40 bytes with a 22-byte extension, got 18 bytes'));
    expect(fails(wav([fmt({ extensible: { valid: 24 } }), chunk('data', PCM)]))).toThrow(at("the valid bits per sample (24) exceed the container's 16 bits"));
    expect(fails(wav([fmt({ extensible: { valid: 16, guid: new Uint8Array(16).fill(7) } }), chunk('data', PCM)]))).toThrow(at('the WAVE_FORMAT_EXTENSIBLE sub-format is not a WAVE format GUID (not supported)'));
  });

  it('refuses encodings and bit depths it does not decode, naming them', () => {
    expect(fails(wav([fmt({ tag: 2, bits: 4, blockAlign: 256 }), chunk('data', new Uint8Array(256))]))).toThrow(at('WAV format tag 0x0002 (Microsoft ADPCM) is not supported (PCM, IEEE float, mu-law and A-law are)'));
    expect(fails(wav([fmt({ tag: 0x1234 }), chunk('data', PCM)]))).toThrow(at('WAV format tag 0x1234 is not supported (PCM, IEEE float, mu-law and A-law are)'));
    expect(fails(wav([fmt({ bits: 64 }), chunk('data', new Uint8Array(16))]))).toThrow(at('64-bit integer PCM is not supported (1 to 32 bits are)'));
    expect(fails(wav([fmt({ tag: 3, bits: 16 }), chunk('data', PCM)]))).toThrow(at('16-bit floating-point PCM is not supported (32 and 64 bits are)'));
    expect(fails(wav([fmt({ tag: 7, bits: 16 }), chunk('data', PCM)]))).toThrow(at('mu-law needs 8 bits per sample, the fmt chunk says 16'));
    expect(fails(wav([fmt({ tag: 6, bits: 4, blockAlign: 1 }), chunk('data', PCM)]))).toThrow(at('A-law needs 8 bits per sample, the fmt chunk says 4'));
  });

  it('refuses a block size that does not match the channels and bit depth, and a partial last frame', () => {
    expect(fails(wav([fmt({ blockAlign: 4 }), chunk('data', PCM)]))).toThrow(at('the block size (blockAlign) is 4 bytes, expected 2 (1 channels x 2 bytes)'));
    expect(fails(wav([fmt({ channels: 2, blockAlign: 2 }), chunk('data', PCM)]))).toThrow(at('the block size (blockAlign) is 2 bytes, expected 4 (2 channels x 2 bytes)'));
    expect(fails(wav([fmt({ channels: 4 }), chunk('data', PCM)]))).toThrow(at('the data chunk holds 12 bytes, not a whole number of 8-byte frames'));
  });

  it('refuses a truncated torchaudio file (torchaudio returns the whole frames present)', () => {
    const bytes = fixtureBytes('wav_pcm_s16.wav');
    expect(fails(bytes.subarray(0, bytes.length - 1))).toThrow(at('the data chunk claims 1200 bytes but only 1199 follow it (the file is truncated)'));
    expect(fails(bytes.subarray(0, 30))).toThrow(at('the fmt chunk claims 16 bytes but only 10 follow it'));
    expect(fails(bytes.subarray(0, 11))).toThrow(at('the WAV file is 11 bytes, shorter than its 12-byte RIFF header (the file is truncated)'));
  });
});
