// Mutates valid WAV files (bit flips, byte rewrites, truncation, insertion, deletion, chunk size
// and fmt field rewrites) and decodes each with loadSync and infoSync: every case must either give
// a tensor of finite values whose shape matches info, or throw an AudioFormatError /
// AudioDecodeError, within a time bound; never another error, a crash, a hang or a huge allocation.
import { describe, expect, it } from 'vitest';
import { chunk, concat, fmt, wav } from '../../test/fixtures/io/builders';
import { fixtureBytes } from '../../test/fixtures/io/io-fixtures';
import { AudioDecodeError } from '../errors/audio-decode-error';
import { AudioFormatError } from '../errors/audio-format-error';
import { infoSync } from './info';
import { type LoadOptions, loadSync } from './load';

/** A small deterministic generator (mulberry32). */
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

function rf64(): Uint8Array {
  const pcm = fixtureBytes('wav_pcm_s16.wav').subarray(44, 44 + 400);
  const ds64 = new Uint8Array(28);
  new DataView(ds64.buffer).setUint32(8, pcm.length, true);
  return wav([chunk('ds64', ds64), fmt({ channels: 2 }), chunk('LIST', new Uint8Array(7)), chunk('data', pcm, { size: 0xffffffff })], { magic: 'RF64' });
}

const SEEDS: [string, Uint8Array][] = [
  ...['wav_pcm_s16.wav', 'wav_pcm_u8.wav', 'wav_pcm_s24.wav', 'wav_pcm_s32.wav', 'wav_float32_any.wav', 'wav_pcm_f64.wav', 'wav_alaw.wav', 'wav_6ch_s16.wav', 'wav_mono_s24.wav'].map(
    (name) => [name, fixtureBytes(name)] as [string, Uint8Array],
  ),
  ['rf64', rf64()],
];
/** Values that sit on the edges of the fields they land in. */
const INTERESTING = [0, 1, 2, 3, 4, 7, 8, 16, 24, 32, 64, 0x7f, 0x80, 0xfe, 0xff];

/** Offsets of the chunk size fields and of the fmt chunk's fields in a seed. */
function fieldOffsets(bytes: Uint8Array): { sizes: number[]; fmtAt: number } {
  const sizes = [4];
  let fmtAt = -1;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(at + 4, true);
    sizes.push(at + 4);
    if (String.fromCharCode(...bytes.subarray(at, at + 4)) === 'fmt ') fmtAt = at + 8;
    if (size > bytes.length) break;
    at += 8 + size + (size & 1);
  }
  return { sizes, fmtAt };
}

function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  let b: Uint8Array = src.slice();
  const { sizes, fmtAt } = fieldOffsets(b);
  const rounds = 1 + int(3);
  for (let r = 0; r < rounds; r++) {
    const view = new DataView(b.buffer);
    const kind = int(9);
    const at = rand() < 0.6 ? int(Math.min(b.length, 80)) : int(b.length);
    if (kind === 0) b[at]! ^= 1 << int(8);
    else if (kind === 1) b[at] = int(256);
    else if (kind === 2) b[at] = INTERESTING[int(INTERESTING.length)]!;
    else if (kind === 3) b = b.slice(0, int(b.length));
    else if (kind === 4) b = concat([b.subarray(0, at), Uint8Array.from({ length: 1 + int(8) }, () => int(256)), b.subarray(at)]);
    else if (kind === 5) b = concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(8)))]);
    else if (kind === 6) {
      // A chunk size (or the RIFF size) rewritten: small, off by a little, huge, unknown.
      const field = sizes[int(sizes.length)]!;
      if (field + 4 <= b.length) {
        const old = view.getUint32(field, true);
        const choices = [0, 1, old + 1, old - 1, old * 2, 0x7fffffff, 0xffffffff, int(4096), b.length];
        view.setUint32(field, choices[int(choices.length)]! >>> 0, true);
      }
    } else if (fmtAt >= 0 && fmtAt + 16 <= b.length) {
      // A fmt field rewritten: format tag, channels, rate, byte rate, block align, bits.
      const fields: [number, 2 | 4][] = [[0, 2], [2, 2], [4, 4], [8, 4], [12, 2], [14, 2]];
      const [offset, width] = fields[int(fields.length)]!;
      const value = rand() < 0.5 ? INTERESTING[int(INTERESTING.length)]! : int(width === 2 ? 65536 : 2 ** 32);
      if (width === 2) view.setUint16(fmtAt + offset, value, true);
      else view.setUint32(fmtAt + offset, value >>> 0, true);
    }
  }
  return b;
}

function randomOptions(rand: () => number): LoadOptions {
  const options: LoadOptions = {};
  if (rand() < 0.3) options.normalize = false;
  if (rand() < 0.3) options.channelsFirst = false;
  if (rand() < 0.3) options.frameOffset = Math.floor(rand() * 400);
  if (rand() < 0.3) options.numFrames = 1 + Math.floor(rand() * 300);
  return options;
}

interface Tally {
  decoded: number;
  rejected: number;
  slowestMs: number;
}

function fuzz(count: number, seed: number): Tally {
  const rand = prng(seed);
  const tally: Tally = { decoded: 0, rejected: 0, slowestMs: 0 };
  for (let i = 0; i < count; i++) {
    const [name, source] = SEEDS[i % SEEDS.length]!;
    const bytes = mutate(source, rand);
    const options = randomOptions(rand);
    const t0 = performance.now();
    let meta: ReturnType<typeof infoSync> | undefined;
    try {
      meta = infoSync(bytes);
    } catch (error) {
      if (!(error instanceof AudioFormatError || error instanceof AudioDecodeError)) throw new Error(`case ${i} (${name}): infoSync threw ${String(error)}`);
    }
    try {
      const [w, rate] = loadSync(bytes, options);
      const [rows, cols] = w.shape as [number, number];
      const [channels, frames] = options.channelsFirst === false ? [cols, rows] : [rows, cols];
      if (!meta) throw new Error(`case ${i} (${name}): load decoded what info refused`);
      const offset = Math.min(options.frameOffset ?? 0, meta.numFrames);
      const expected = options.numFrames === undefined ? meta.numFrames - offset : Math.min(options.numFrames, meta.numFrames - offset);
      if (channels !== meta.numChannels || frames !== expected || rate !== meta.sampleRate || rate <= 0) {
        throw new Error(`case ${i} (${name}): shape [${w.shape}] at ${rate} Hz does not match ${meta} with ${JSON.stringify(options)}`);
      }
      const values = w.dataSync();
      for (const v of values) {
        if (!Number.isFinite(v) || (w.dtype === 'float32' && Math.abs(v) > 1)) throw new Error(`case ${i} (${name}): value ${v} out of range`);
      }
      w.dispose();
      tally.decoded++;
    } catch (error) {
      if (!(error instanceof AudioFormatError || error instanceof AudioDecodeError)) throw error instanceof Error && error.message.startsWith('case ') ? error : new Error(`case ${i} (${name}): loadSync threw ${String(error)}`);
      tally.rejected++;
    }
    tally.slowestMs = Math.max(tally.slowestMs, performance.now() - t0);
  }
  return tally;
}

describe('WAV fuzz', () => {
  it('decodes or refuses with a typed error 12,000 mutated WAV files (none taking over a second)', () => {
    const t0 = performance.now();
    const tally = fuzz(12_000, 20261204);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`WAV fuzz: 12,000 cases in ${seconds.toFixed(1)} s: ${tally.decoded} decoded, ${tally.rejected} refused, slowest ${tally.slowestMs.toFixed(1)} ms`);
    expect(tally.decoded + tally.rejected).toBe(12_000);
    // Both outcomes must be exercised for the run to mean anything.
    expect(tally.decoded).toBeGreaterThan(1000);
    expect(tally.rejected).toBeGreaterThan(1000);
    expect(tally.slowestMs).toBeLessThan(1000);
    expect(seconds).toBeLessThan(30);
  });
});
