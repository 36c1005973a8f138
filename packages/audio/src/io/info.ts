import { ArgumentTypeError } from '@dl/core';
import type { AudioMetaData } from './audio-metadata';
import type { AudioSource } from './audio-source';
import { metadataOf } from './internal/decode-audio';
import { containerOf, detectContainer } from './internal/detect-format';
import { readSource, readSourceSync } from './internal/read-source';

/**
 * Options of {@link info} and {@link infoSync}.
 *
 * @example
 * ```ts
 * const meta = await info(bytes, { format: 'flac' });
 * ```
 */
export interface InfoOptions {
  /** `'wav'`, `'flac'`, `'mp3'`, `'ogg'` or `'vorbis'`: require this format instead of detecting it from the data. */
  format?: string;
}

function containerOption(options: InfoOptions, op: string) {
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`${op}: expected options to be an object such as { format: 'wav' }, got ${String(options)}`);
  return containerOf(options.format, op);
}

/**
 * Reads an audio file's metadata without decoding its samples (torchaudio.info): sample rate,
 * frames, channels, bits per sample and encoding. `numFrames` is the length {@link load} returns;
 * for MP3 that is mpg123's gapless length, computed from the frame headers and the LAME tag (see
 * the guide for how torchaudio's differs, and for streams with corrupt frames).
 *
 * @example
 * ```ts
 * const meta = await info('speech.wav');
 * meta.sampleRate; // 16000
 * meta.encoding; // 'PCM_S'
 * ```
 */
export async function info(source: AudioSource, options: InfoOptions = {}): Promise<AudioMetaData> {
  const container = containerOption(options, 'info');
  const { bytes, ctx } = await readSource(source, 'info');
  return metadataOf(bytes, detectContainer(bytes, container, ctx), ctx);
}

/**
 * {@link info} without waiting (every format's header is read synchronously).
 *
 * @example
 * ```ts
 * const { numFrames, sampleRate } = infoSync('speech.flac');
 * ```
 */
export function infoSync(source: AudioSource, options: InfoOptions = {}): AudioMetaData {
  const container = containerOption(options, 'infoSync');
  const { bytes, ctx } = readSourceSync(source, 'infoSync');
  return metadataOf(bytes, detectContainer(bytes, container, ctx), ctx);
}
