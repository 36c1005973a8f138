import { ArgumentTypeError, type Tensor, tensor, ValueError } from '@dl/core';
import type { AudioSource } from './audio-source';
import { type DecodeRequest, type DecodedWaveform, decodeAny, decodeSync } from './internal/decode-audio';
import { type AudioContainer, containerOf, detectContainer } from './internal/detect-format';
import { readSource, readSourceSync } from './internal/read-source';

/**
 * Options of {@link load} and {@link loadSync} (torchaudio.load's, camelCased).
 *
 * @example
 * ```ts
 * const [clip, rate] = await load('speech.wav', { frameOffset: 16000, numFrames: 8000, channelsFirst: false });
 * ```
 */
export interface LoadOptions {
  /**
   * Return float32 values in [-1, 1]. With `false`, integer PCM WAV files give their stored
   * integers instead (torchaudio's uint8 for 8-bit, int16 for 16-bit, int32 for 24-bit (times 256)
   * and 32-bit files), as an int32 tensor since TensorFlow.js has no narrower integer dtype. Float
   * and mu-law/A-law WAV, FLAC, MP3 and Vorbis give float32 either way, as in torchaudio.
   * @default true
   */
  normalize?: boolean;
  /** `[channel, time]` when true, `[time, channel]` when false. @default true */
  channelsFirst?: boolean;
  /** Frames to skip first (an offset at or past the end gives `[C, 0]`, as torchaudio does). @default 0 */
  frameOffset?: number;
  /** Most frames to return; -1 reads to the end (fewer come back when the file ends first). @default -1 */
  numFrames?: number;
  /** `'wav'`, `'flac'`, `'mp3'`, `'ogg'` or `'vorbis'`: require this format instead of detecting it from the data. */
  format?: string;
}

/** Checks the options as torchaudio does, plus their types. */
function requestOf(options: LoadOptions, op: string): { req: DecodeRequest; container: AudioContainer | undefined } {
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`${op}: expected options to be an object such as { numFrames: 16000 }, got ${String(options)}`);
  const { normalize = true, channelsFirst = true, frameOffset = 0, numFrames = -1, format } = options;
  if (typeof normalize !== 'boolean') throw new ArgumentTypeError(`${op}: expected normalize to be a boolean, got ${typeof normalize} ${String(normalize)}`);
  if (typeof channelsFirst !== 'boolean') throw new ArgumentTypeError(`${op}: expected channelsFirst to be a boolean, got ${typeof channelsFirst} ${String(channelsFirst)}`);
  if (!Number.isSafeInteger(frameOffset) || frameOffset < 0) throw new ValueError(`${op}: frameOffset must be a non-negative integer, got ${String(frameOffset)}`);
  if (!Number.isSafeInteger(numFrames) || (numFrames !== -1 && numFrames <= 0)) throw new ValueError(`${op}: numFrames must be -1 or a positive integer, got ${String(numFrames)}`);
  return { req: { normalize, channelsFirst, frameOffset, numFrames }, container: containerOf(format, op) };
}

function toTensor(w: DecodedWaveform): [Tensor, number] {
  const flat = tensor(w.data);
  const waveform = flat.reshape(w.shape);
  flat.dispose();
  return [waveform, w.sampleRate];
}

/**
 * Loads an audio file (torchaudio.load): WAV (8/16/24/32-bit integer, 32/64-bit float, mu-law and
 * A-law PCM; WAVE_FORMAT_EXTENSIBLE and RF64 too), FLAC, MP3 and Ogg Vorbis, detected from the
 * data. Resolves to the waveform, `[channel, time]` float32 in [-1, 1] by default, and the sample
 * rate. The values are torchaudio 0.13's (its libsox conversions are reproduced); MP3 differs in
 * length: see the guide. Bad input rejects with an {@link AudioFormatError} or
 * {@link AudioDecodeError}; a missing file with an {@link AudioError}.
 *
 * @example
 * ```ts
 * const [waveform, sampleRate] = await load('speech.wav'); // float32 [1, 16000], 16000
 * const [raw] = await load('speech.wav', { normalize: false }); // int32 holding the 16-bit values
 * const [tail] = await load(await fs.promises.readFile('song.flac'), { frameOffset: 44100, channelsFirst: false });
 * ```
 */
export async function load(source: AudioSource, options: LoadOptions = {}): Promise<[Tensor, number]> {
  const { req, container } = requestOf(options, 'load');
  const { bytes, ctx } = await readSource(source, 'load');
  return toTensor(await decodeAny(bytes, detectContainer(bytes, container, ctx), req, ctx));
}

/**
 * {@link load} without waiting, for WAV and FLAC (their decoders are synchronous; MP3 and Ogg
 * Vorbis throw an {@link AudioFormatError} saying to use `load`). Same options and results.
 *
 * @example
 * ```ts
 * const [waveform, sampleRate] = loadSync('yes_no/0_1_0_1.wav'); // float32 [1, N], 8000
 * ```
 */
export function loadSync(source: AudioSource, options: LoadOptions = {}): [Tensor, number] {
  const { req, container } = requestOf(options, 'loadSync');
  const { bytes, ctx } = readSourceSync(source, 'loadSync');
  return toTensor(decodeSync(bytes, detectContainer(bytes, container, ctx), req, ctx));
}
