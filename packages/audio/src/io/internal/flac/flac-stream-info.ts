import { formatError, hexHead, type IoContext } from '../context';
import { BitReader } from './bit-reader';

/** @internal A FLAC stream's STREAMINFO and where its first frame starts. */
export interface FlacStreamInfo {
  sampleRate: number;
  numChannels: number;
  bitsPerSample: number;
  /** Samples per channel; 0 when the encoder did not know. */
  totalSamples: number;
  maxBlockSize: number;
  /** Byte offset of the first audio frame. */
  firstFrame: number;
}

const STREAMINFO = 0;
const INVALID_BLOCK = 127;

/** @internal The size of an ID3v2 tag at `at` (with its footer), or 0 when there is none. */
export function id3v2Size(bytes: Uint8Array, at: number): number {
  if (at + 10 > bytes.length || bytes[at] !== 0x49 || bytes[at + 1] !== 0x44 || bytes[at + 2] !== 0x33) return 0;
  if (bytes[at + 3] === 0xff || bytes[at + 4] === 0xff) return 0;
  let size = 0;
  for (let i = 6; i < 10; i++) {
    if (bytes[at + i]! >= 0x80) return 0;
    size = size * 128 + bytes[at + i]!;
  }
  return 10 + size + (bytes[at + 5]! & 0x10 ? 10 : 0);
}

/**
 * @internal Reads the `fLaC` marker (after an ID3v2 tag some taggers put first) and the metadata
 * blocks; STREAMINFO must come first. Every block length is checked against the bytes present.
 */
export function parseFlacHeader(bytes: Uint8Array, ctx: IoContext): FlacStreamInfo {
  const start = id3v2Size(bytes, 0);
  if (start > bytes.length) throw formatError(ctx, `the ID3v2 tag before the FLAC stream claims ${start} bytes, the file has ${bytes.length}`);
  if (bytes.length < start + 4 || bytes[start] !== 0x66 || bytes[start + 1] !== 0x4c || bytes[start + 2] !== 0x61 || bytes[start + 3] !== 0x43) {
    throw formatError(ctx, `not a FLAC stream: expected 'fLaC' at byte ${start}, found ${hexHead(bytes, start, 4) || 'the end of the file'}`);
  }
  let at = start + 4;
  let info: Omit<FlacStreamInfo, 'firstFrame'> | undefined;
  for (let index = 0; ; index++) {
    if (at + 4 > bytes.length) throw formatError(ctx, `the FLAC metadata ends at byte ${bytes.length}, inside the header of block ${index} (the file is truncated)`);
    const last = (bytes[at]! & 0x80) !== 0;
    const type = bytes[at]! & 0x7f;
    const length = (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = at + 4;
    if (body + length > bytes.length) {
      throw formatError(ctx, `FLAC metadata block ${index} (type ${type}) claims ${length} bytes but only ${bytes.length - body} follow it (the file is truncated)`);
    }
    if (type === INVALID_BLOCK) throw formatError(ctx, `FLAC metadata block ${index} has the invalid type 127`);
    if (index === 0) {
      if (type !== STREAMINFO || length < 34) throw formatError(ctx, `the first FLAC metadata block must be a 34-byte STREAMINFO, found type ${type} of ${length} bytes`);
      info = readStreamInfo(bytes, body, ctx);
    } else if (type === STREAMINFO) {
      throw formatError(ctx, `FLAC metadata block ${index} is a second STREAMINFO`);
    }
    at = body + length;
    if (last) break;
  }
  return { ...info!, firstFrame: at };
}

function readStreamInfo(bytes: Uint8Array, at: number, ctx: IoContext): Omit<FlacStreamInfo, 'firstFrame'> {
  const r = new BitReader(bytes, at, at + 34);
  r.read(16); // minimum block size
  const maxBlockSize = r.read(16);
  r.read(24); // minimum frame size
  r.read(24); // maximum frame size
  const sampleRate = r.read(20);
  const numChannels = r.read(3) + 1;
  const bitsPerSample = r.read(5) + 1;
  const totalSamples = r.read(36);
  if (sampleRate === 0) throw formatError(ctx, 'the FLAC STREAMINFO says the sample rate is 0 Hz');
  if (bitsPerSample < 4) throw formatError(ctx, `the FLAC STREAMINFO says ${bitsPerSample} bits per sample (4 to 32 are valid)`);
  return { sampleRate, numChannels, bitsPerSample, totalSamples, maxBlockSize };
}
