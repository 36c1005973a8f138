import { ArgumentTypeError, DTypeError, ShapeError, Tensor, ValueError } from '@dl/core';
import type { SaveOptions } from '../save';
import { floatToSox } from './sox-sample';
import type { WavEncoding, WavWrite } from './wav-encode';

const ENCODINGS: readonly WavEncoding[] = ['PCM_S', 'PCM_U', 'PCM_F', 'ULAW', 'ALAW'];
const BITS = [8, 16, 24, 32, 64] as const;
const DTYPES = ['float32', 'int32', 'int16', 'uint8'] as const;
type SampleDType = (typeof DTYPES)[number];

/**
 * torchaudio 0.13's choice of WAV encoding and bit depth: from the options when given, else from
 * the tensor's dtype (float32: 32-bit float, int32: 32-bit PCM, int16: 16-bit, uint8: 8-bit
 * unsigned), with its errors for combinations WAV cannot hold.
 */
function wavEncoding(encoding: WavEncoding | undefined, bits: number | undefined, dtype: SampleDType, op: string): { encoding: WavEncoding; bits: WavWrite['bits'] } {
  if (encoding === undefined) {
    if (bits === undefined) {
      if (dtype === 'float32') return { encoding: 'PCM_F', bits: 32 };
      if (dtype === 'int32') return { encoding: 'PCM_S', bits: 32 };
      if (dtype === 'int16') return { encoding: 'PCM_S', bits: 16 };
      return { encoding: 'PCM_U', bits: 8 };
    }
    if (bits === 8) return { encoding: 'PCM_U', bits: 8 };
    // libsox writes 64-bit signed PCM as 32-bit.
    return { encoding: 'PCM_S', bits: bits === 64 ? 32 : (bits as 16 | 24 | 32) };
  }
  if (encoding === 'PCM_S') {
    if (bits === 8) throw new ValueError(`${op}: WAV does not support 8-bit signed PCM (use encoding 'PCM_U' for 8 bits)`);
    return { encoding, bits: bits === undefined || bits === 64 ? 32 : (bits as 16 | 24 | 32) };
  }
  if (encoding === 'PCM_F') {
    if (bits !== undefined && bits !== 32 && bits !== 64) throw new ValueError(`${op}: WAV supports 32-bit or 64-bit floating-point PCM, got bitsPerSample ${bits}`);
    return { encoding, bits: bits ?? 32 };
  }
  const name = encoding === 'PCM_U' ? 'unsigned PCM' : encoding === 'ULAW' ? 'mu-law' : 'A-law';
  if (bits !== undefined && bits !== 8) throw new ValueError(`${op}: WAV supports only 8 bits for ${name}, got bitsPerSample ${bits}`);
  return { encoding, bits: 8 };
}

function describe(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'object' ? `an object (${(x as object).constructor?.name ?? 'Object'})` : `${typeof x} ${String(x)}`;
}

/** The sox sample of each value, for the PyTorch dtype the tensor's values stand for. */
function soxSamples(values: Float32Array | Int32Array | Uint8Array, dtype: SampleDType, op: string): Int32Array {
  const out = new Int32Array(values.length);
  if (dtype === 'float32') {
    for (let i = 0; i < values.length; i++) out[i] = floatToSox(values[i]!);
    return out;
  }
  const [lo, hi, scale, shift] = dtype === 'int16' ? [-32768, 32767, 65536, 0] : dtype === 'uint8' ? [0, 255, 16777216, -128] : [-2147483648, 2147483647, 1, 0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo || v > hi) throw new ValueError(`${op}: with dtype '${dtype}' the values must lie in [${lo}, ${hi}], got ${v} at index ${i}`);
    out[i] = (v + shift) * scale;
  }
  return out;
}

/** @internal Checks save's arguments (as torchaudio does, plus types) and turns the waveform into interleaved sox samples. */
export function wavWriteOf(waveform: Tensor, sampleRate: number, options: SaveOptions, op: string): WavWrite {
  if (!(waveform instanceof Tensor)) throw new ArgumentTypeError(`${op}: expected waveform to be a Tensor, got ${describe(waveform)}`);
  if (typeof options !== 'object' || options === null) throw new ArgumentTypeError(`${op}: expected options to be an object such as { bitsPerSample: 16 }, got ${describe(options)}`);
  const { channelsFirst = true, encoding, bitsPerSample, compression } = options;
  if (typeof channelsFirst !== 'boolean') throw new ArgumentTypeError(`${op}: expected channelsFirst to be a boolean, got ${describe(channelsFirst)}`);
  if (!Number.isSafeInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff) throw new ValueError(`${op}: sampleRate must be a positive integer (at most 4294967295 in WAV), got ${String(sampleRate)}`);
  if (encoding !== undefined && !ENCODINGS.includes(encoding)) throw new ValueError(`${op}: unknown encoding ${JSON.stringify(encoding)} (expected 'PCM_S', 'PCM_U', 'PCM_F', 'ULAW' or 'ALAW')`);
  if (bitsPerSample !== undefined && !(BITS as readonly number[]).includes(bitsPerSample)) throw new ValueError(`${op}: bitsPerSample must be 8, 16, 24, 32 or 64, got ${String(bitsPerSample)}`);
  if (compression !== undefined && (typeof compression !== 'number' || !Number.isFinite(compression))) throw new ArgumentTypeError(`${op}: expected compression to be a finite number, got ${describe(compression)}`);
  if (waveform.ndim !== 2) throw new ShapeError(`${op}: expected a 2-D waveform (${channelsFirst ? '[channel, time]' : '[time, channel]'}), got shape [${waveform.shape.join(', ')}]`);
  if (waveform.dtype !== 'float32' && waveform.dtype !== 'int32') throw new DTypeError(`${op}: expected a float32 or int32 waveform, got dtype ${waveform.dtype}`);
  const dtype = (options.dtype ?? waveform.dtype) as SampleDType;
  if (!DTYPES.includes(dtype)) throw new ValueError(`${op}: unknown dtype ${JSON.stringify(options.dtype)} (expected 'float32', 'int32', 'int16' or 'uint8')`);
  if ((dtype === 'float32') !== (waveform.dtype === 'float32')) throw new DTypeError(`${op}: dtype '${dtype}' needs ${dtype === 'float32' ? 'a float32' : 'an int32'} waveform, got dtype ${waveform.dtype}`);
  const [rows, cols] = waveform.shape as [number, number];
  const [channels, frames] = channelsFirst ? [rows, cols] : [cols, rows];
  const chosen = wavEncoding(encoding, bitsPerSample, dtype, op);
  if (channels === 0) throw new ShapeError(`${op}: the waveform has no channels (shape [${waveform.shape.join(', ')}])`);
  if (channels * (chosen.bits / 8) > 0xffff) throw new ValueError(`${op}: ${channels} channels of ${chosen.bits} bits do not fit a WAV frame (at most 65535 bytes); is the waveform ${channelsFirst ? '[time, channel] (pass channelsFirst: false)' : '[channel, time] (pass channelsFirst: true)'}?`);
  if (80 + frames * channels * (chosen.bits / 8) > 0xffffffff) throw new ValueError(`${op}: ${frames} frames of ${channels} channels exceed a WAV file's 4 GiB`);
  const values = waveform.dataSync();
  const samples = soxSamples(values, dtype, op);
  return { samples: channelsFirst && channels > 1 ? interleave(samples, channels, frames) : samples, channels, sampleRate, ...chosen };
}

/** `[channels, frames]` row-major to interleaved frames. */
function interleave(planar: Int32Array, channels: number, frames: number): Int32Array {
  const out = new Int32Array(planar.length);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < frames; i++) out[i * channels + c] = planar[c * frames + i]!;
  }
  return out;
}
