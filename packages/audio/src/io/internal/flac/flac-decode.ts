import { decodeError, hexHead, type IoContext } from '../context';
import { soxToFloat } from '../sox-sample';
import { EndOfData } from './bit-reader';
import { decodeFlacFrame, FlacFrameError, isFlacSync } from './flac-frame';
import type { FlacStreamInfo } from './flac-stream-info';

/** @internal Decoded FLAC samples: one float array per channel, torchaudio's normalized values. */
export interface FlacSamples {
  channels: Float32Array[];
  /** Frames decoded (samples per channel) from `start` on. */
  length: number;
}

const MAX_BLOCK = 65536;

/** Tags some tools append after the last frame: ID3v1, APEv2, ID3v2 footers. */
function isTrailingTag(bytes: Uint8Array, at: number): boolean {
  const s = String.fromCharCode(...bytes.subarray(at, at + 8));
  return s.startsWith('TAG') || s.startsWith('APETAGEX') || s.startsWith('ID3') || s.startsWith('3DI');
}

/**
 * @internal Decodes frames [start, start + count) of a FLAC stream (count -1: to the end). Like
 * libsox, it stops at STREAMINFO's sample count when there is one; a stream that ends before that
 * count, a frame that fails its CRC or data that is not a frame is an AudioDecodeError.
 */
export function decodeFlac(bytes: Uint8Array, info: FlacStreamInfo, start: number, count: number, ctx: IoContext): FlacSamples {
  const limit = info.totalSamples > 0 ? info.totalSamples : Number.POSITIVE_INFINITY;
  const end = count < 0 ? limit : Math.min(limit, start + count);
  if (start >= end) return { channels: Array.from({ length: info.numChannels }, () => new Float32Array(0)), length: 0 };
  const scratch = Array.from({ length: info.numChannels }, () => new Float64Array(MAX_BLOCK));
  const chunks: Float32Array[][] = [];
  const toFloat = sampleToFloat(info.bitsPerSample);
  let position = 0;
  let at = info.firstFrame;
  let frame = 0;
  while (position < end && at < bytes.length) {
    if (!isFlacSync(bytes, at)) {
      if (info.totalSamples === 0 && isTrailingTag(bytes, at)) break;
      throw decodeError(ctx, `expected FLAC frame ${frame} at byte ${at}, found ${hexHead(bytes, at, 4)} (the data is corrupt)`);
    }
    let decoded: { blockSize: number; end: number };
    try {
      decoded = decodeFlacFrame(bytes, at, info, scratch);
    } catch (error) {
      if (error instanceof EndOfData) throw decodeError(ctx, `FLAC frame ${frame} (at byte ${at}) is cut off by the end of the file (the file is truncated)`);
      if (error instanceof FlacFrameError) throw decodeError(ctx, `FLAC frame ${frame} (at byte ${at}) ${error.message} (the data is corrupt)`);
      throw error;
    }
    const from = Math.max(0, start - position);
    const to = Math.min(decoded.blockSize, end - position);
    if (to > from) chunks.push(scratch.map((ch) => convert(ch, from, to, toFloat)));
    position += decoded.blockSize;
    at = decoded.end;
    frame++;
  }
  if (info.totalSamples > 0 && position < end) {
    throw decodeError(ctx, `the FLAC stream ends after ${position} samples per channel, its STREAMINFO says ${info.totalSamples} (the file is truncated)`);
  }
  const length = chunks.reduce((n, c) => n + c[0]!.length, 0);
  const channels = Array.from({ length: info.numChannels }, (_, c) => concat(chunks.map((chunk) => chunk[c]!), length));
  return { channels, length };
}

/**
 * torchaudio's float for a sample of `bits` bits: libsox shifts it to a 32-bit sox sample and
 * normalizes that, which for 24 bits and fewer is exactly value / 2^(bits - 1).
 */
function sampleToFloat(bits: number): (v: number) => number {
  if (bits <= 24) {
    const scale = 1 / 2 ** (bits - 1);
    return (v) => v * scale;
  }
  const up = 2 ** (32 - bits);
  return (v) => soxToFloat(Math.max(-2147483648, Math.min(2147483647, v * up)));
}

function convert(src: Float64Array, from: number, to: number, toFloat: (v: number) => number): Float32Array {
  const out = new Float32Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = toFloat(src[i]!);
  return out;
}

function concat(parts: Float32Array[], length: number): Float32Array {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return new Float32Array(0);
  const out = new Float32Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
