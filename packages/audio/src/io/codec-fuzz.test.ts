// Mutates valid FLAC, Ogg Vorbis and MP3 files (bit flips, byte rewrites, truncation, insertion,
// deletion) and decodes each: every case must give finite values in [-1, 1] with the channels
// info reports (and, for FLAC, the frames), or throw an AudioFormatError / AudioDecodeError;
// never another error, a crash or a hang.
import { describe, expect, it } from 'vitest';
import { concat, fixOggCrc, oggPageStarts } from '../../test/fixtures/io/builders';
import { fixtureBytes } from '../../test/fixtures/io/io-fixtures';
import { AudioDecodeError } from '../errors/audio-decode-error';
import { AudioFormatError } from '../errors/audio-format-error';
import type { AudioMetaData } from './audio-metadata';
import { infoSync } from './info';
import { load, loadSync } from './load';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xf8, 0xfe, 0xff];

/** Recomputes the CRC of every Ogg page whose bounds are intact. */
function fixOggCrcs(bytes: Uint8Array): void {
  for (const at of oggPageStarts(bytes)) {
    if (bytes[at] !== 0x4f || at + 27 + bytes[at + 26]! > bytes.length) break;
    let end = at + 27 + bytes[at + 26]!;
    for (let i = 0; i < bytes[at + 26]!; i++) end += bytes[at + 27 + i]!;
    if (end > bytes.length) break;
    fixOggCrc(bytes, at);
  }
}

/** 1 to 3 mutations, in the first 128 bytes (headers) half of the time. */
function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  let b: Uint8Array = src.slice();
  for (let r = 1 + int(3); r > 0; r--) {
    const kind = int(6);
    const at = rand() < 0.5 ? int(Math.min(b.length, 128)) : int(b.length);
    if (kind === 0) b[at]! ^= 1 << int(8);
    else if (kind === 1) b[at] = int(256);
    else if (kind === 2) b[at] = INTERESTING[int(INTERESTING.length)]!;
    else if (kind === 3) b = b.slice(0, int(b.length));
    else if (kind === 4) b = concat([b.subarray(0, at), Uint8Array.from({ length: 1 + int(8) }, () => int(256)), b.subarray(at)]);
    else b = concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(8)))]);
  }
  return b;
}

const typed = (error: unknown) => error instanceof AudioFormatError || error instanceof AudioDecodeError;

interface Tally {
  decoded: number;
  rejected: number;
  slowestMs: number;
}

/** Runs `count` cases over the seeds; `decode` returns the waveform's data and [channels, frames]. */
async function fuzz(
  seeds: string[],
  count: number,
  seed: number,
  decode: (bytes: Uint8Array) => Promise<{ data: ArrayLike<number>; channels: number; frames: number }>,
  checkFrames: boolean,
  repair?: (bytes: Uint8Array) => void,
): Promise<Tally> {
  const rand = prng(seed);
  const sources = seeds.map(fixtureBytes);
  const tally: Tally = { decoded: 0, rejected: 0, slowestMs: 0 };
  for (let i = 0; i < count; i++) {
    const bytes = mutate(sources[i % sources.length]!, rand);
    // Every other case gets its checksums repaired, so the corruption reaches the decoder.
    if (repair && i % 2 === 1) repair(bytes);
    const label = `case ${i} (${seeds[i % seeds.length]})`;
    const t0 = performance.now();
    let meta: AudioMetaData | undefined;
    try {
      meta = infoSync(bytes);
    } catch (error) {
      if (!typed(error)) throw new Error(`${label}: infoSync threw ${String(error)}`);
    }
    let result: Awaited<ReturnType<typeof decode>> | undefined;
    try {
      result = await decode(bytes);
    } catch (error) {
      if (!typed(error)) throw new Error(`${label}: load threw ${String(error)}`);
      tally.rejected++;
    }
    if (result) {
      if (meta && (result.channels !== meta.numChannels || (checkFrames && result.frames !== meta.numFrames))) {
        throw new Error(`${label}: decoded [${result.channels}, ${result.frames}] but info says ${meta}`);
      }
      for (let k = 0; k < result.data.length; k++) {
        const v = result.data[k]!;
        if (!(Math.abs(v) <= 1)) throw new Error(`${label}: value ${v} at ${k}`);
      }
      tally.decoded++;
    }
    tally.slowestMs = Math.max(tally.slowestMs, performance.now() - t0);
  }
  return tally;
}

function report(name: string, count: number, tally: Tally, t0: number): number {
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${name} fuzz: ${count} cases in ${seconds.toFixed(1)} s: ${tally.decoded} decoded, ${tally.rejected} refused, slowest ${tally.slowestMs.toFixed(1)} ms`);
  return seconds;
}

describe('codec fuzz', () => {
  it('decodes or refuses with a typed error 4,000 mutated FLAC files, frames matching info', async () => {
    const t0 = performance.now();
    const seeds = ['flac_s8.flac', 'flac_s12.flac', 'flac_verbatim.flac', 'flac_s24_mono.flac', 'flac_s20_3ch.flac', 'flac_s32.flac', 'flac_fixed_5ch.flac'];
    const tally = await fuzz(seeds, 4000, 7, async (bytes) => {
      const [w] = loadSync(bytes);
      const out = { data: w.dataSync(), channels: w.shape[0]!, frames: w.shape[1]! };
      w.dispose();
      return out;
    }, true);
    expect(tally.decoded + tally.rejected).toBe(4000);
    expect(tally.decoded).toBeGreaterThan(100);
    expect(tally.rejected).toBeGreaterThan(100);
    expect(tally.slowestMs).toBeLessThan(2000);
    expect(report('FLAC', 4000, tally, t0)).toBeLessThan(30);
  });

  it('decodes or refuses with a typed error 400 mutated Ogg Vorbis and 400 mutated MP3 files', async () => {
    const codecs: [string, string[], ((bytes: Uint8Array) => void) | undefined][] = [
      ['Ogg Vorbis', ['vorbis_stereo.ogg', 'vorbis_mono_q8.ogg'], fixOggCrcs],
      ['MP3', ['mp3_sox_16k_stereo.mp3', 'mp3_lame_44k_mono.mp3', 'mp3_lame_8k_vbr.mp3'], undefined],
    ];
    for (const [name, seeds, repair] of codecs) {
      const t0 = performance.now();
      const decode = async (bytes: Uint8Array) => {
        const [w] = await load(bytes);
        const out = { data: w.dataSync(), channels: w.shape[0]!, frames: w.shape[1]! };
        w.dispose();
        return out;
      };
      const tally = await fuzz(seeds, 400, 11, decode, false, repair);
      const seconds = report(name, 400, tally, t0);
      expect(tally.decoded + tally.rejected).toBe(400);
      expect(tally.decoded).toBeGreaterThan(10);
      expect(tally.rejected).toBeGreaterThan(10);
      expect(tally.slowestMs).toBeLessThan(2000);
      expect(seconds).toBeLessThan(30);
    }
  });
});
