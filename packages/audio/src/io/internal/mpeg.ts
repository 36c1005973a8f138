import { decodeError, formatError, hexHead, type IoContext } from './context';
import { id3v2Size } from './flac/flac-stream-info';

/** @internal What the frame headers of an MPEG audio stream (MP1/MP2/MP3) say about it. */
export interface MpegInfo {
  sampleRate: number;
  numChannels: number;
  /** Samples per channel mpg123 outputs: every audio frame, less the encoder delay and padding a LAME tag declares. */
  numFrames: number;
}

interface FrameHeader {
  version: 1 | 2 | 25;
  layer: 1 | 2 | 3;
  sampleRate: number;
  channels: number;
  samples: number;
  length: number;
  crc: boolean;
}

const BITRATES: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 25: [11025, 12000, 8000] };
/** mpg123 removes this decoder delay on top of a LAME tag's encoder delay. */
const DECODER_DELAY = 529;

/** The frame header at `at`, or null when the bytes there are not one (free-format frames included). */
function frameAt(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3 || (bytes[at + 3]! & 3) === 2) return null;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 25;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const table = version === 1 ? `1-${layer}` : layer === 1 ? '2-1' : '2-2';
  const bitrate = BITRATES[table]![bitrateIndex]! * 1000;
  const sampleRate = RATES[version]![rateIndex]!;
  const padding = (b2 >> 1) & 1;
  const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
  const length = layer === 1 ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4 : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, channels: bytes[at + 3]! >> 6 === 3 ? 1 : 2, samples, length, crc: (b1 & 1) === 0 };
}

function sameStream(a: FrameHeader, b: FrameHeader | null): boolean {
  return b !== null && a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;
}

/** The first frame at or after `from` that another frame of the same stream follows (or that ends the data). */
function syncFrom(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 4 <= bytes.length; at++) {
    const h = frameAt(bytes, at);
    if (h && (at + h.length === bytes.length || sameStream(h, frameAt(bytes, at + h.length)))) return at;
  }
  return -1;
}

/** Tags that follow the last frame: ID3v1, APEv2, Lyrics3. */
function isTrailingTag(bytes: Uint8Array, at: number): boolean {
  const s = String.fromCharCode(...bytes.subarray(at, at + 11));
  return s.startsWith('TAG') || s.startsWith('APETAGEX') || s.startsWith('LYRICSBEGIN');
}

/**
 * @internal Reads an MPEG audio stream's frame headers (after any ID3v2 tags), as the decoders
 * sync on them: a frame counts when it is whole and of the same version, layer and rate; junk
 * between frames is skipped. A first frame holding a Xing/Info tag is not audio; its LAME
 * extension gives the encoder delay and padding mpg123 removes.
 */
export function parseMpeg(bytes: Uint8Array, ctx: IoContext): MpegInfo {
  let at = 0;
  for (let size = id3v2Size(bytes, 0); size > 0; size = id3v2Size(bytes, at)) at += size;
  const start = syncFrom(bytes, at);
  if (start < 0) {
    const cut = frameAt(bytes, at);
    if (cut && at + cut.length > bytes.length) throw decodeError(ctx, `the first MPEG frame (at byte ${at}) is cut off by the end of the file (the file is truncated)`);
    throw formatError(ctx, `no MPEG audio frame found (the data after any ID3 tag starts with ${hexHead(bytes, Math.min(at, bytes.length), 4) || 'nothing'})`);
  }
  const first = frameAt(bytes, start)!;
  const tag = infoTag(bytes, start, first);
  let frames = 0;
  for (let p = start; p + 4 <= bytes.length; ) {
    const h = frameAt(bytes, p);
    if (h && sameStream(first, h) && p + h.length <= bytes.length) {
      frames++;
      p += h.length;
    } else if (isTrailingTag(bytes, p)) {
      break;
    } else {
      p = syncFrom(bytes, p + 1);
      if (p < 0) break;
    }
  }
  const decoded = (frames - (tag ? 1 : 0)) * first.samples;
  if (!tag?.lame) return { sampleRate: first.sampleRate, numChannels: first.channels, numFrames: decoded };
  // mpg123's gapless window: from the delay (plus its decoder delay) to the declared length less
  // the padding (plus the decoder delay), cut short where the stream itself ends.
  const declared = (tag.frames ?? frames - 1) * first.samples;
  const begin = tag.delay + DECODER_DELAY;
  const end = Math.min(decoded, declared - tag.padding + DECODER_DELAY);
  return { sampleRate: first.sampleRate, numChannels: first.channels, numFrames: Math.max(0, end - begin) };
}

/** The Xing/Info tag of the first frame: its frame count, and the LAME extension's delay and padding. */
function infoTag(bytes: Uint8Array, at: number, h: FrameHeader): { lame: boolean; frames?: number; delay: number; padding: number } | null {
  const side = h.layer !== 3 ? 0 : h.version === 1 ? (h.channels === 1 ? 17 : 32) : h.channels === 1 ? 9 : 17;
  const x = at + 4 + (h.crc ? 2 : 0) + side;
  const id = String.fromCharCode(...bytes.subarray(x, x + 4));
  if (id !== 'Xing' && id !== 'Info') return null;
  if (x + 8 > bytes.length) return null;
  const flags = bytes[x + 7]!;
  const frames = flags & 1 && x + 12 <= bytes.length ? ((bytes[x + 8]! << 24) | (bytes[x + 9]! << 16) | (bytes[x + 10]! << 8) | bytes[x + 11]!) >>> 0 : undefined;
  const lameAt = x + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  if (lameAt + 24 > at + h.length || lameAt + 24 > bytes.length) return { lame: false, frames, delay: 0, padding: 0 };
  const encoder = String.fromCharCode(...bytes.subarray(lameAt, lameAt + 4));
  if (!/^(LAME|Lavf|Lavc|GOGO|L3.9)/.test(encoder)) return { lame: false, frames, delay: 0, padding: 0 };
  const d = lameAt + 21;
  return { lame: true, frames, delay: (bytes[d]! << 4) | (bytes[d + 1]! >> 4), padding: ((bytes[d + 1]! & 0x0f) << 8) | bytes[d + 2]! };
}
