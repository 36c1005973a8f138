import { formatError, fourCC, type IoContext } from './context';

/** @internal How a WAV file's samples are stored. */
export interface WavLayout {
  encoding: 'PCM_S' | 'PCM_U' | 'PCM_F' | 'ULAW' | 'ALAW';
  sampleRate: number;
  numChannels: number;
  /** What info reports: the format's bits per sample (its valid bits for WAVE_FORMAT_EXTENSIBLE). */
  bitsPerSample: number;
  /** Bytes each sample takes in the data chunk (1, 2, 3, 4 or 8). */
  bytesPerSample: number;
  /** Where the samples start. */
  dataOffset: number;
  numFrames: number;
}

const TAG_PCM = 0x0001;
const TAG_FLOAT = 0x0003;
const TAG_ALAW = 0x0006;
const TAG_MULAW = 0x0007;
const TAG_EXTENSIBLE = 0xfffe;
/** The 14 bytes after the format tag in every KSDATAFORMAT_SUBTYPE GUID WAV uses. */
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
/** Names of format tags people meet, for the error saying they are not supported. */
const TAG_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  80: 'MPEG',
  85: 'MPEG layer 3',
  353: 'Windows Media Audio',
};
const UNKNOWN_SIZE = 0xffffffff;

interface Chunk {
  offset: number;
  size: number;
  /** A data chunk whose size the writer left unknown (0xFFFFFFFF): it runs to the end of the file. */
  open?: boolean;
}

/** A chunk id is four printable ASCII characters (spaces allowed). */
function isChunkId(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false;
  for (let i = at; i < at + 4; i++) if (bytes[i]! < 0x20 || bytes[i]! > 0x7e) return false;
  return true;
}

/** An unsigned 64-bit little-endian value, refused above 2^53. */
function readU64(view: DataView, at: number, ctx: IoContext, what: string): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw formatError(ctx, `the ds64 chunk's ${what} is larger than 2^53`);
  return value;
}

/**
 * @internal Reads a RIFF/RF64 WAVE header: the fmt chunk and where the data chunk is. The chunks
 * may come in any order; others (LIST, fact, cue, JUNK, ...) are skipped. Every size is checked
 * against the bytes present, so a lying header is refused before anything is allocated.
 */
export function parseWav(bytes: Uint8Array, ctx: IoContext): WavLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = fourCC(bytes, 0);
  if (bytes.length < 12) throw formatError(ctx, `the WAV file is ${bytes.length} bytes, shorter than its 12-byte RIFF header (the file is truncated)`);
  if (fourCC(bytes, 8) !== 'WAVE' || !['RIFF', 'RF64', 'BW64'].includes(magic)) {
    if (magic === 'RIFX') throw formatError(ctx, 'big-endian WAV (RIFX) is not supported');
    throw formatError(ctx, `not a WAV file: expected 'RIFF' or 'RF64' then 'WAVE', the data starts with '${fourCC(bytes, 0)}' ... '${fourCC(bytes, 8)}'`);
  }
  const rf64 = magic !== 'RIFF';
  let ds64DataSize = -1;
  let fmt: Chunk | undefined;
  let data: Chunk | undefined;
  let at = 12;
  let padded = false;
  while ((!fmt || !data) && at + 8 <= bytes.length) {
    if (!isChunkId(bytes, at)) {
      // Some writers leave out the pad byte after an odd-sized chunk: accept the chunk one byte back.
      if (padded && isChunkId(bytes, at - 1)) at -= 1;
      else throw formatError(ctx, `expected a chunk header at byte ${at}, found bytes '${fourCC(bytes, at)}' (the file is corrupt)`);
    }
    const id = fourCC(bytes, at);
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    const remaining = bytes.length - body;
    if (id === 'ds64' && rf64) {
      if (size < 24 || size > remaining) throw formatError(ctx, `the ds64 chunk at byte ${at} is ${size} bytes (expected at least 24, within the ${remaining} that follow)`);
      ds64DataSize = readU64(view, body + 8, ctx, 'data size');
    } else if (id === 'data') {
      if (size === UNKNOWN_SIZE && rf64) {
        if (ds64DataSize < 0) throw formatError(ctx, 'an RF64 file needs a ds64 chunk before its data chunk');
        size = ds64DataSize;
      } else if (size === UNKNOWN_SIZE) {
        // Streaming writers leave the size unknown: the samples run to the end of the file.
        data = { offset: body, size: remaining, open: true };
        break;
      }
      if (size > remaining) {
        throw formatError(ctx, `the data chunk claims ${size} bytes but only ${remaining} follow it (the file is truncated)`);
      }
      data = { offset: body, size };
    } else if (id === 'fmt ') {
      if (size > remaining) throw formatError(ctx, `the fmt chunk claims ${size} bytes but only ${remaining} follow it`);
      fmt = { offset: body, size };
    } else if (size > remaining) {
      throw formatError(ctx, `the '${id}' chunk at byte ${at} claims ${size} bytes but only ${remaining} follow it, before any ${fmt ? 'data' : 'fmt'} chunk (the file is truncated or corrupt)`);
    }
    padded = (size & 1) === 1;
    at = body + size + (size & 1);
  }
  if (!fmt) throw formatError(ctx, 'the WAV file has no fmt chunk');
  if (!data) throw formatError(ctx, 'the WAV file has no data chunk');
  return layoutOf(view, fmt, data, ctx);
}

function layoutOf(view: DataView, fmt: Chunk, data: Chunk, ctx: IoContext): WavLayout {
  if (fmt.size < 16) throw formatError(ctx, `the fmt chunk is ${fmt.size} bytes, expected at least 16`);
  const o = fmt.offset;
  let tag = view.getUint16(o, true);
  const numChannels = view.getUint16(o + 2, true);
  const sampleRate = view.getUint32(o + 4, true);
  const blockAlign = view.getUint16(o + 12, true);
  const containerBits = view.getUint16(o + 14, true);
  let bitsPerSample = containerBits;
  if (tag === TAG_EXTENSIBLE) {
    if (fmt.size < 40 || view.getUint16(o + 16, true) < 22) {
      throw formatError(ctx, `a WAVE_FORMAT_EXTENSIBLE fmt chunk needs 40 bytes with a 22-byte extension, got ${fmt.size} bytes`);
    }
    const valid = view.getUint16(o + 18, true);
    if (valid > containerBits) throw formatError(ctx, `the valid bits per sample (${valid}) exceed the container's ${containerBits} bits`);
    if (valid > 0) bitsPerSample = valid;
    tag = view.getUint16(o + 24, true);
    for (let i = 0; i < GUID_TAIL.length; i++) {
      if (view.getUint8(o + 26 + i) !== GUID_TAIL[i]) throw formatError(ctx, 'the WAVE_FORMAT_EXTENSIBLE sub-format is not a WAVE format GUID (not supported)');
    }
  }
  if (numChannels === 0) throw formatError(ctx, 'the fmt chunk says 0 channels');
  if (sampleRate === 0) throw formatError(ctx, 'the fmt chunk says the sample rate is 0 Hz');
  if (containerBits === 0) throw formatError(ctx, 'the fmt chunk says 0 bits per sample');
  let encoding: WavLayout['encoding'];
  const bytesPerSample = Math.ceil(containerBits / 8);
  if (tag === TAG_PCM) {
    if (bytesPerSample > 4) throw formatError(ctx, `${containerBits}-bit integer PCM is not supported (1 to 32 bits are)`);
    encoding = bytesPerSample === 1 ? 'PCM_U' : 'PCM_S';
  } else if (tag === TAG_FLOAT) {
    if (containerBits !== 32 && containerBits !== 64) throw formatError(ctx, `${containerBits}-bit floating-point PCM is not supported (32 and 64 bits are)`);
    encoding = 'PCM_F';
  } else if (tag === TAG_MULAW || tag === TAG_ALAW) {
    if (containerBits !== 8) throw formatError(ctx, `${tag === TAG_MULAW ? 'mu-law' : 'A-law'} needs 8 bits per sample, the fmt chunk says ${containerBits}`);
    encoding = tag === TAG_MULAW ? 'ULAW' : 'ALAW';
  } else {
    const name = TAG_NAMES[tag] ? ` (${TAG_NAMES[tag]})` : '';
    throw formatError(ctx, `WAV format tag 0x${tag.toString(16).padStart(4, '0')}${name} is not supported (PCM, IEEE float, mu-law and A-law are)`);
  }
  if (blockAlign !== numChannels * bytesPerSample) {
    throw formatError(ctx, `the block size (blockAlign) is ${blockAlign} bytes, expected ${numChannels * bytesPerSample} (${numChannels} channels x ${bytesPerSample} bytes)`);
  }
  if (data.size % blockAlign !== 0 && !data.open) {
    throw formatError(ctx, `the data chunk holds ${data.size} bytes, not a whole number of ${blockAlign}-byte frames`);
  }
  return { encoding, sampleRate, numChannels, bitsPerSample, bytesPerSample, dataOffset: data.offset, numFrames: Math.floor(data.size / blockAlign) };
}
