import { AudioError } from './audio-error';

/**
 * The bytes are not audio in a format @dl/audio reads (WAV, FLAC, MP3, Ogg Vorbis), their header
 * is invalid or lies (sizes beyond the end of the file, a block size that does not match the
 * channels and bit depth, a sample rate of 0), they use an encoding that is not supported (ADPCM
 * WAV, Ogg Opus), or a format cannot be written (`save` writes WAV only). The message names the
 * file, the field, what was expected and what was found.
 *
 * @example
 * ```ts
 * try { await load('clip.wav'); }
 * catch (e) { if (e instanceof AudioFormatError) console.error(e.message); }
 * // load: clip.wav: the data chunk claims 32000 bytes but only 2044 follow it (the file is truncated)
 * ```
 */
export class AudioFormatError extends AudioError {}
