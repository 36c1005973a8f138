import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixturePath, MANIFEST, maxAbsDiff, readArray } from '../../test/fixtures/io/io-fixtures';
import { info } from './info';
import { floatToSox, soxToFloat } from './internal/sox-sample';
import { decodeMpegWasm } from './internal/wasm-decoders';
import { load } from './load';

/** Channel `c` of a [C, N] row-major array, frames [from, to). */
function row(data: ArrayLike<number>, frames: number, c: number, from = 0, to = frames): Float64Array {
  return Float64Array.from({ length: to - from }, (_, i) => data[c * frames + from + i]!);
}

/** Max |ours[c][i] - torch[c][i + shift]| over the frames both have, and how many frames that is. */
function alignedDiff(ours: ArrayLike<number>, oursFrames: number, torch: ArrayLike<number>, torchFrames: number, channels: number, shift: number): { max: number; overlap: number } {
  const overlap = Math.max(0, Math.min(oursFrames, torchFrames - shift));
  let max = 0;
  for (let c = 0; c < channels; c++) {
    max = Math.max(max, maxAbsDiff(row(ours, oursFrames, c, 0, overlap), row(torch, torchFrames, c, shift, shift + overlap)));
  }
  return { max, overlap };
}

describe('load: Ogg Vorbis parity with torchaudio (libvorbis through libsox)', () => {
  // torchaudio gets 16-bit samples from libvorbisfile; so do we, from the same library built to
  // wasm. Max abs diff: one 16-bit step (3.05e-5) on under 0.2% of the samples (float rounding
  // differences between the native and the wasm build at rounding boundaries).
  it.each(['vorbis_stereo.ogg', 'vorbis_mono_q8.ogg'])('%s matches within one 16-bit step (3.05e-5)', async (name) => {
    const entry = MANIFEST.files[name]!;
    const [w, rate] = await load(fixturePath(name));
    expect(rate).toBe(entry.sampleRate);
    expect(w.shape).toEqual(entry.shape);
    const ours = w.dataSync();
    const torch = readArray(entry.expected);
    expect(maxAbsDiff(ours, torch)).toBeLessThanOrEqual(1 / 32768);
    const differing = ours.filter((v, i) => v !== torch[i]).length;
    expect(differing / ours.length).toBeLessThan(0.002);
  });

  it('gives torchaudio frame ranges', async () => {
    const entry = MANIFEST.files['vorbis_stereo.ogg']!;
    const [full] = await load(fixturePath('vorbis_stereo.ogg'));
    for (const range of entry.ranges) {
      const [part] = await load(fixturePath('vorbis_stereo.ogg'), { frameOffset: range.frameOffset, numFrames: range.numFrames });
      expect(part.shape).toEqual(range.shape);
      const n = range.shape[1];
      expect(part.dataSync()).toEqual(full.narrow(1, range.frameOffset, n).dataSync());
    }
  });
});

describe('load: MP3 against torchaudio (libmad through libsox)', () => {
  // mpg123 and libmad decode the same frames to within 2e-6. The lengths differ: torchaudio keeps
  // a LAME/Xing Info frame as a frame of silence, keeps the encoder delay (plus libmad's 529-sample
  // decoder delay) and padding, and stops at libsox's duration estimate; @dl/audio returns
  // mpg123's gapless output: the encoded signal only.
  it('mp3_sox_16k_stereo.mp3 (no Info tag): the same first 2304 frames within 2e-6; 2880 frames where libsox stops at 2304', async () => {
    const entry = MANIFEST.files['mp3_sox_16k_stereo.mp3']!;
    const [w, rate] = await load(fixturePath('mp3_sox_16k_stereo.mp3'));
    expect(rate).toBe(16000);
    expect(w.shape).toEqual([2, 2880]);
    expect(entry.shape).toEqual([2, 2304]);
    const { max, overlap } = alignedDiff(w.dataSync(), 2880, readArray(entry.expected), 2304, 2, 0);
    expect(overlap).toBe(2304);
    expect(max).toBeLessThan(2e-6);
  });

  it('mp3_lame_8k_vbr.mp3 (LAME tag): the 1000 encoded frames, torchaudio has them 1681 frames later (576 Info + 576 delay + 529), within 2e-6', async () => {
    const entry = MANIFEST.files['mp3_lame_8k_vbr.mp3']!;
    const [w] = await load(fixturePath('mp3_lame_8k_vbr.mp3'));
    expect(w.shape).toEqual([2, 1000]);
    const { max, overlap } = alignedDiff(w.dataSync(), 1000, readArray(entry.expected), entry.shape[1], 2, 1681);
    expect(overlap).toBe(623);
    expect(max).toBeLessThan(2e-6);
  });

  it('mp3_lame_44k_mono.mp3 (LAME tag, ID3v2): 2000 frames; torchaudio stops (1985) before the signal starts (2257)', async () => {
    const entry = MANIFEST.files['mp3_lame_44k_mono.mp3']!;
    const bytes = fixtureBytes('mp3_lame_44k_mono.mp3');
    const [w, rate] = await load(bytes);
    expect(rate).toBe(44100);
    expect(w.shape).toEqual([1, 2000]);
    // Without gapless trimming mpg123 gives what libmad gives after the Info frame (1152 frames).
    const raw = await decodeMpegWasm(bytes, false);
    const nonGapless = Float64Array.from(raw.channelData[0]!, (v) => soxToFloat(floatToSox(v)));
    const { max, overlap } = alignedDiff(nonGapless, nonGapless.length, readArray(entry.expected), entry.shape[1], 1, 1152);
    expect(overlap).toBe(833);
    expect(max).toBeLessThan(2e-6);
    // The gapless output is that stream without the encoder delay (576) and mpg123's decoder delay (529).
    expect(maxAbsDiff(w.dataSync(), nonGapless.subarray(1105, 3105))).toBe(0);
  });

  it('info reports the frames load returns (mpg123 gapless), the channels and the rate', async () => {
    for (const [name, frames, channels] of [['mp3_sox_16k_stereo.mp3', 2880, 2], ['mp3_lame_8k_vbr.mp3', 1000, 2], ['mp3_lame_44k_mono.mp3', 2000, 1]] as const) {
      const meta = await info(fixturePath(name));
      expect(String(meta)).toBe(`AudioMetaData(sampleRate=${MANIFEST.files[name]!.sampleRate}, numFrames=${frames}, numChannels=${channels}, bitsPerSample=0, encoding=MP3)`);
    }
  });

  it('gives frame ranges of its own timeline', async () => {
    const [full] = await load(fixturePath('mp3_lame_8k_vbr.mp3'));
    const [part] = await load(fixturePath('mp3_lame_8k_vbr.mp3'), { frameOffset: 900, numFrames: 500, channelsFirst: false });
    expect(part.shape).toEqual([100, 2]);
    expect(part.dataSync()).toEqual(full.narrow(1, 900, 100).transpose(0, 1).contiguous().dataSync());
  });
});
