import { ValueError } from '@dl/core';
import { formatError, fourCC, hexHead, type IoContext } from './context';
import { id3v2Size } from './flac/flac-stream-info';

/** @internal The containers @dl/audio reads. */
export type AudioContainer = 'wav' | 'flac' | 'mp3' | 'ogg';

/** The `format` names load and info accept (torchaudio's, for these containers). */
const FORMAT_NAMES: Record<string, AudioContainer> = { wav: 'wav', flac: 'flac', mp3: 'mp3', ogg: 'ogg', vorbis: 'ogg' };
const LABELS: Record<AudioContainer, string> = { wav: 'WAV', flac: 'FLAC', mp3: 'MP3', ogg: 'Ogg' };

/** @internal The container a `format` option names, or a ValueError listing the accepted names. */
export function containerOf(format: unknown, op: string): AudioContainer | undefined {
  if (format === undefined || format === null) return undefined;
  const container = typeof format === 'string' ? FORMAT_NAMES[format.toLowerCase()] : undefined;
  if (!container) throw new ValueError(`${op}: unknown format ${JSON.stringify(format)} (expected 'wav', 'flac', 'mp3', 'ogg' or 'vorbis')`);
  return container;
}

function isMpegFrameStart(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return false;
  const versionBits = (bytes[at + 1]! >> 3) & 3;
  const layerBits = (bytes[at + 1]! >> 1) & 3;
  const bitrate = bytes[at + 2]! >> 4;
  return versionBits !== 1 && layerBits !== 0 && bitrate !== 0 && bitrate !== 15 && ((bytes[at + 2]! >> 2) & 3) !== 3;
}

/** What the first bytes say the data is, or a description of what it is when it is audio @dl/audio does not read. */
function sniff(bytes: Uint8Array): AudioContainer | string | null {
  const head = fourCC(bytes, 0);
  if (head === 'RIFF' || head === 'RF64' || head === 'BW64' || head === 'RIFX') return bytes.length < 12 || fourCC(bytes, 8) === 'WAVE' ? 'wav' : null;
  if (head === 'fLaC') return 'flac';
  if (head === 'OggS') return 'ogg';
  const id3 = id3v2Size(bytes, 0);
  if (id3 > 0) return fourCC(bytes, id3) === 'fLaC' ? 'flac' : 'mp3';
  if (isMpegFrameStart(bytes, 0)) return 'mp3';
  if (head === 'FORM' && (fourCC(bytes, 8) === 'AIFF' || fourCC(bytes, 8) === 'AIFC')) return 'AIFF audio';
  if (head === '.snd') return 'Sun/NeXT AU audio';
  if (String.fromCharCode(...bytes.subarray(0, 8)) === 'NIST_1A\n') return 'NIST SPHERE audio';
  if (head === 'caff') return 'Core Audio (CAF) audio';
  if (fourCC(bytes, 4) === 'ftyp') return 'MP4/M4A audio';
  return null;
}

/**
 * @internal The container of `bytes`: detected from the data, or the one `format` names (then
 * the data must be that container; MP3 streams may start with junk before the first frame).
 */
export function detectContainer(bytes: Uint8Array, format: AudioContainer | undefined, ctx: IoContext): AudioContainer {
  if (bytes.length === 0) throw formatError(ctx, 'empty input (0 bytes), not audio');
  const found = sniff(bytes);
  const supported = found === 'wav' || found === 'flac' || found === 'mp3' || found === 'ogg';
  if (format) {
    if (found === format || format === 'mp3') return format;
    const what = supported ? `${LABELS[found]} data` : typeof found === 'string' ? found : `data starting with ${hexHead(bytes)}`;
    throw formatError(ctx, `format '${format}' was asked for, but this is ${what}`);
  }
  if (supported) return found;
  if (typeof found === 'string') throw formatError(ctx, `${found} is not supported (WAV, FLAC, MP3 and Ogg Vorbis are)`);
  throw formatError(ctx, `not audio in a supported format (WAV, FLAC, MP3, Ogg Vorbis): the data starts with ${hexHead(bytes)}`);
}
