import { writeFile, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgumentTypeError, type Tensor } from '@dl/core';
import { AudioError } from '../errors/audio-error';
import { AudioFormatError } from '../errors/audio-format-error';
import { wavWriteOf } from './internal/save-request';
import { encodeWavBytes } from './internal/wav-encode';

/**
 * Options of {@link save}, {@link saveSync} and {@link encodeWav} (torchaudio.save's, camelCased).
 * Without `encoding` and `bitsPerSample`, the tensor's dtype decides as in torchaudio: float32
 * writes 32-bit float, int32 32-bit signed PCM (and the `dtype` option's int16 / uint8 16-bit
 * signed / 8-bit unsigned PCM).
 *
 * @example
 * ```ts
 * await save('speech.wav', waveform, 16000, { encoding: 'PCM_S', bitsPerSample: 16 });
 * ```
 */
export interface SaveOptions {
  /** The waveform is `[channel, time]` when true, `[time, channel]` when false. @default true */
  channelsFirst?: boolean;
  /** Accepted for torchaudio's signature; WAV has no compression, so it is ignored (as torchaudio does for WAV). */
  compression?: number;
  /** `'wav'`: the format, when the file name's extension does not say it. */
  format?: string;
  /**
   * `'PCM_S'` (signed integer), `'PCM_U'` (unsigned, 8-bit only), `'PCM_F'` (float), `'ULAW'`,
   * `'ALAW'` (8-bit only). @default from `bitsPerSample` (8: 'PCM_U', else 'PCM_S'), else from the dtype
   */
  encoding?: 'PCM_S' | 'PCM_U' | 'PCM_F' | 'ULAW' | 'ALAW';
  /**
   * 8, 16, 24, 32 or 64 (64 is float only; 64 with 'PCM_S' writes 32 bits, as torchaudio's libsox
   * does). @default from `encoding` ('PCM_S': 32, 'PCM_F': 32, 8-bit encodings: 8), else from the dtype
   */
  bitsPerSample?: 8 | 16 | 24 | 32 | 64;
  /**
   * The PyTorch dtype the tensor's values stand for: TensorFlow.js has only int32 for integers, so
   * an int32 tensor holding 16-bit values (as `load(..., { normalize: false })` returns for a
   * 16-bit file) is saved as PyTorch saves an int16 tensor with `dtype: 'int16'` (and 0..255
   * values with `'uint8'`). Values outside the dtype's range are refused. @default the tensor's dtype
   */
  dtype?: 'float32' | 'int32' | 'int16' | 'uint8';
}

/** Formats torchaudio's save knows that @dl/audio cannot write (no encoder). */
const UNWRITABLE: Record<string, string> = { flac: 'FLAC', mp3: 'MP3', ogg: 'Ogg Vorbis', vorbis: 'Ogg Vorbis', opus: 'Opus', sph: 'NIST SPHERE', amb: 'AMB', 'amr-nb': 'AMR-NB', gsm: 'GSM', htk: 'HTK' };

/** Checks that the file is to be WAV: from `format`, else from the extension. */
function checkWav(path: string | undefined, format: unknown, op: string): void {
  let name: string;
  if (format !== undefined) {
    if (typeof format !== 'string') throw new ArgumentTypeError(`${op}: expected format to be a string such as 'wav', got ${typeof format}`);
    name = format.toLowerCase();
  } else {
    name = path === undefined ? 'wav' : extname(path).slice(1).toLowerCase();
    if (name === '') throw new AudioFormatError(`${op}: ${path}: cannot tell the format without a file extension (pass { format: 'wav' })`);
  }
  if (name === 'wav') return;
  const where = path === undefined ? '' : ` ${path}:`;
  if (UNWRITABLE[name]) throw new AudioFormatError(`${op}:${where} writing ${UNWRITABLE[name]} is not supported: @dl/audio has no ${UNWRITABLE[name]} encoder (save as .wav)`);
  throw new AudioFormatError(`${op}:${where} unknown format '${name}' (only 'wav' can be written)`);
}

function pathOf(path: unknown, op: string): string {
  if (typeof path === 'string' && path.length > 0) return path;
  if (path instanceof URL) return fileURLToPath(path);
  throw new ArgumentTypeError(`${op}: expected a file path or a file URL, got ${path === '' ? 'an empty string' : typeof path}`);
}

function encodeFor(path: string | undefined, waveform: Tensor, sampleRate: number, options: SaveOptions, op: string): Uint8Array {
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`${op}: expected options to be an object such as { bitsPerSample: 16 }, got ${String(options)}`);
  checkWav(path, options.format, op);
  return encodeWavBytes(wavWriteOf(waveform, sampleRate, options, op));
}

function writeFailed(op: string, path: string, error: unknown): AudioError {
  return new AudioError(`${op}: ${path}: cannot write the file (${error instanceof Error ? error.message : String(error)})`, { cause: error });
}

/**
 * Saves a waveform as a WAV file (torchaudio.save), writing the same bytes torchaudio 0.13 writes
 * for the same tensor and options: every encoding and bit depth torchaudio offers for WAV
 * (signed 16/24/32-bit, unsigned 8-bit, float 32/64-bit, mu-law, A-law), a float32 tensor as
 * 32-bit float by default. The format comes from the extension (or `format`); FLAC, MP3 and Ogg
 * reject with an {@link AudioFormatError} (no encoders). Float values are clipped to [-1, 1] as
 * torchaudio clips them.
 *
 * @example
 * ```ts
 * const [waveform, sampleRate] = await load('song.mp3');
 * await save('song.wav', waveform, sampleRate); // 32-bit float WAV
 * await save('song16.wav', waveform, sampleRate, { bitsPerSample: 16 }); // 16-bit PCM
 * ```
 */
export async function save(path: string | URL, waveform: Tensor, sampleRate: number, options: SaveOptions = {}): Promise<void> {
  const file = pathOf(path, 'save');
  const bytes = encodeFor(file, waveform, sampleRate, options, 'save');
  await new Promise<void>((resolve, reject) => writeFile(file, bytes, (error) => (error ? reject(writeFailed('save', file, error)) : resolve())));
}

/**
 * {@link save} without waiting.
 *
 * @example
 * ```ts
 * saveSync('tone.wav', dl.sin(dl.arange(0, 8000).mul(2 * Math.PI * 440 / 8000)).unsqueeze(0), 8000);
 * ```
 */
export function saveSync(path: string | URL, waveform: Tensor, sampleRate: number, options: SaveOptions = {}): void {
  const file = pathOf(path, 'saveSync');
  const bytes = encodeFor(file, waveform, sampleRate, options, 'saveSync');
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    throw writeFailed('saveSync', file, error);
  }
}

/**
 * The bytes {@link save} would write, without a file (torchaudio.save to a file object with
 * `format='wav'`): for buffers, HTTP responses or archives.
 *
 * @example
 * ```ts
 * const bytes = encodeWav(waveform, 16000, { bitsPerSample: 16 }); // Uint8Array of a 16-bit WAV
 * ```
 */
export function encodeWav(waveform: Tensor, sampleRate: number, options: SaveOptions = {}): Uint8Array {
  return encodeFor(undefined, waveform, sampleRate, options, 'encodeWav');
}

