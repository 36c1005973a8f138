import { AudioError } from './audio-error';

/**
 * A compressed stream (FLAC, MP3, Ogg Vorbis) has a valid header but its coded data is corrupt or
 * truncated: a FLAC frame fails its CRC, an Ogg page fails its checksum, the MPEG or Vorbis
 * decoder reports an error. The message names the file and where the problem is.
 *
 * @example
 * ```ts
 * try { await load('song.flac'); }
 * catch (e) { if (e instanceof AudioDecodeError) console.error(e.message); }
 * // load: song.flac: FLAC frame 12 (at byte 40312) fails its CRC-16 check (the data is corrupt)
 * ```
 */
export class AudioDecodeError extends AudioError {}
