import { decodeError, formatError, hexHead, type IoContext } from './context';
import { oggCrc32 } from './crc';

/** @internal What the pages of an Ogg Vorbis stream say about it. */
export interface OggVorbisInfo {
  sampleRate: number;
  numChannels: number;
  /** The last granule position: samples per channel in the stream. */
  totalSamples: number;
}

const BOS = 0x02;
const EOS = 0x04;
const NO_PACKET_ENDS = -1;

/** The codec of an Ogg stream, from the first bytes of its first packet. */
function codecOf(packet: Uint8Array): string {
  const text = (from: number, n: number) => String.fromCharCode(...packet.subarray(from, from + n));
  if (packet[0] === 1 && text(1, 6) === 'vorbis') return 'Vorbis';
  if (text(0, 8) === 'OpusHead') return 'Opus';
  if (packet[0] === 0x7f && text(1, 4) === 'FLAC') return 'FLAC';
  if (text(0, 8) === 'Speex   ') return 'Speex';
  if (text(1, 6) === 'theora') return 'Theora';
  return 'unknown';
}

/**
 * @internal Walks the pages of an Ogg stream, checking each one's capture pattern, version,
 * bounds and CRC-32, and reads the Vorbis identification header. One logical stream is
 * supported (no multiplexing or chaining), and it must end with its EOS page.
 */
export function parseOggVorbis(bytes: Uint8Array, ctx: IoContext): OggVorbisInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let serial = -1;
  let stream: Omit<OggVorbisInfo, 'totalSamples'> | undefined;
  let totalSamples = 0;
  for (let page = 0; ; page++) {
    if (at + 27 > bytes.length || bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) {
      if (page === 0) throw formatError(ctx, `not an Ogg stream: expected 'OggS', the data starts with ${hexHead(bytes, 0, 4) || 'nothing'}`);
      if (at >= bytes.length) throw decodeError(ctx, `the Ogg stream ends after page ${page - 1} without its last (EOS) page (the file is truncated)`);
      throw decodeError(ctx, `expected Ogg page ${page} at byte ${at}, found ${hexHead(bytes, at, 4)} (the file is corrupt or truncated)`);
    }
    if (bytes[at + 4] !== 0) throw formatError(ctx, `Ogg page ${page} has version ${bytes[at + 4]}, expected 0`);
    const flags = bytes[at + 5]!;
    const granuleLow = view.getUint32(at + 6, true);
    const granuleHigh = view.getInt32(at + 10, true);
    const pageSerial = view.getUint32(at + 14, true);
    const segments = bytes[at + 26]!;
    const bodyAt = at + 27 + segments;
    if (bodyAt > bytes.length) throw decodeError(ctx, `Ogg page ${page} (at byte ${at}) is cut off in its segment table (the file is truncated)`);
    let bodySize = 0;
    for (let i = 0; i < segments; i++) bodySize += bytes[at + 27 + i]!;
    const end = bodyAt + bodySize;
    if (end > bytes.length) throw decodeError(ctx, `Ogg page ${page} (at byte ${at}) claims ${bodySize} bytes of packets but only ${bytes.length - bodyAt} follow (the file is truncated)`);
    if (oggCrc32(bytes, at, end, at) !== view.getUint32(at + 22, true)) throw decodeError(ctx, `Ogg page ${page} (at byte ${at}) fails its CRC-32 check (the data is corrupt)`);
    if (page === 0) {
      if (!(flags & BOS)) throw formatError(ctx, 'the first Ogg page does not begin a stream (no BOS flag)');
      serial = pageSerial;
      const first = bytes.subarray(bodyAt, bodyAt + (segments > 0 ? bytes[at + 27]! : 0));
      const codec = codecOf(first);
      if (codec !== 'Vorbis') throw formatError(ctx, `the Ogg stream holds ${codec === 'unknown' ? 'an unknown codec' : codec}; only Vorbis is supported in Ogg`);
      stream = identification(first, ctx);
    } else if (pageSerial !== serial || flags & BOS) {
      throw formatError(ctx, `Ogg page ${page} belongs to another logical stream: multiplexed or chained Ogg streams are not supported`);
    }
    const granule = granuleHigh === -1 && granuleLow === 0xffffffff ? NO_PACKET_ENDS : granuleHigh * 2 ** 32 + granuleLow;
    if (granule !== NO_PACKET_ENDS) {
      if (granule < 0) throw formatError(ctx, `Ogg page ${page} has a negative granule position`);
      totalSamples = granule;
    }
    at = end;
    if (flags & EOS) break;
  }
  // libvorbisfile would go on into a chained stream; bytes that are not a page are ignored.
  if (at + 4 <= bytes.length && bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53) {
    throw formatError(ctx, `another Ogg stream follows the end of the first at byte ${at}: chained Ogg streams are not supported`);
  }
  return { ...stream!, totalSamples };
}

/** The Vorbis identification header: version 0, channels, sample rate. */
function identification(packet: Uint8Array, ctx: IoContext): Omit<OggVorbisInfo, 'totalSamples'> {
  if (packet.length < 30) throw formatError(ctx, `the Vorbis identification header is ${packet.length} bytes, expected 30`);
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const version = view.getUint32(7, true);
  const numChannels = packet[11]!;
  const sampleRate = view.getUint32(12, true);
  if (version !== 0) throw formatError(ctx, `the Vorbis stream has version ${version}, expected 0`);
  if (numChannels === 0) throw formatError(ctx, 'the Vorbis identification header says 0 channels');
  if (sampleRate === 0) throw formatError(ctx, 'the Vorbis identification header says the sample rate is 0 Hz');
  return { sampleRate, numChannels };
}
