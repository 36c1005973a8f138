import { AudioMetaData } from '../audio-metadata';
import { decodeError, formatError, type IoContext } from './context';
import type { AudioContainer } from './detect-format';
import { decodeFlac } from './flac/flac-decode';
import { parseFlacHeader } from './flac/flac-stream-info';
import { parseMpeg } from './mpeg';
import { parseOggVorbis } from './ogg';
import { floatToSox, soxToFloat } from './sox-sample';
import { decodeMpegWasm, decodeVorbisWasm, type WasmDecoded } from './wasm-decoders';
import { decodeWavFrames, type SampleArray, wavHasIntegers } from './wav-decode';
import { parseWav } from './wav-header';

/** @internal The checked options of a load. */
export interface DecodeRequest {
  frameOffset: number;
  /** -1: to the end. */
  numFrames: number;
  normalize: boolean;
  channelsFirst: boolean;
}

/** @internal A decoded waveform in the layout and dtype load returns. */
export interface DecodedWaveform {
  data: SampleArray;
  shape: [number, number];
  sampleRate: number;
}

/** @internal The frames [first, end) a request selects from `total` frames. */
function span(total: number, req: DecodeRequest): [number, number] {
  const first = Math.min(req.frameOffset, total);
  return [first, req.numFrames < 0 ? total : Math.min(total, first + req.numFrames)];
}

function shaped(data: SampleArray, channels: number, frames: number, req: DecodeRequest, sampleRate: number): DecodedWaveform {
  return { data, shape: req.channelsFirst ? [channels, frames] : [frames, channels], sampleRate };
}

/** @internal Planar channels (already the selected frames) in the requested layout. */
export function arrange(channels: Float32Array[], req: DecodeRequest, sampleRate: number): DecodedWaveform {
  const c = channels.length;
  const n = c > 0 ? channels[0]!.length : 0;
  const out = new Float32Array(c * n);
  if (req.channelsFirst) {
    for (let k = 0; k < c; k++) out.set(channels[k]!, k * n);
  } else {
    for (let k = 0; k < c; k++) {
      const ch = channels[k]!;
      for (let i = 0, j = k; i < n; i++, j += c) out[j] = ch[i]!;
    }
  }
  return shaped(out, c, n, req, sampleRate);
}

/** @internal WAV and FLAC, which decode without waiting. */
export function decodeSync(bytes: Uint8Array, container: AudioContainer, req: DecodeRequest, ctx: IoContext): DecodedWaveform {
  if (container === 'wav') {
    const layout = parseWav(bytes, ctx);
    const [first, end] = span(layout.numFrames, req);
    const data = decodeWavFrames(bytes, layout, first, end - first, !req.normalize && wavHasIntegers(layout), req.channelsFirst);
    return shaped(data, layout.numChannels, end - first, req, layout.sampleRate);
  }
  if (container === 'flac') {
    const info = parseFlacHeader(bytes, ctx);
    const samples = decodeFlac(bytes, info, req.frameOffset, req.numFrames, ctx);
    return arrange(samples.channels, req, info.sampleRate);
  }
  throw formatError(ctx, `${container === 'mp3' ? 'MP3' : 'Ogg Vorbis'} decodes asynchronously: use load() rather than loadSync()`);
}

/** @internal Every supported container. */
export async function decodeAny(bytes: Uint8Array, container: AudioContainer, req: DecodeRequest, ctx: IoContext): Promise<DecodedWaveform> {
  if (container === 'wav' || container === 'flac') return decodeSync(bytes, container, req, ctx);
  if (container === 'mp3') {
    const info = parseMpeg(bytes, ctx);
    const decoded = await runDecoder(() => decodeMpegWasm(bytes), 'MPEG', ctx);
    return fromWasm(decoded, info.numChannels, info.sampleRate, req, (v) => soxToFloat(floatToSox(v)));
  }
  const info = parseOggVorbis(bytes, ctx);
  const decoded = await runDecoder(() => decodeVorbisWasm(bytes), 'Vorbis', ctx);
  return fromWasm(decoded, info.numChannels, info.sampleRate, req, vorbisToInt16Float);
}

async function runDecoder(run: () => Promise<WasmDecoded>, name: string, ctx: IoContext): Promise<WasmDecoded> {
  let decoded: WasmDecoded;
  try {
    decoded = await run();
  } catch (error) {
    throw decodeError(ctx, `the ${name} decoder failed (${error instanceof Error ? error.message : String(error)})`, error);
  }
  if (decoded.errors.length > 0) throw decodeError(ctx, `the ${name} decoder reports: ${decoded.errors[0]!.trim()} (the data is corrupt)`);
  return decoded;
}

/**
 * libvorbisfile's ov_read gives torchaudio 16-bit samples: the float rounded half up
 * (floor(x * 32768 + 0.5)) and clipped (NaN, from a corrupt stream, becoming -32768 as C's
 * conversion makes it on x86); libsox then normalizes them to value / 32768.
 */
function vorbisToInt16Float(v: number): number {
  const q = Math.floor(v * 32768 + 0.5);
  return Number.isNaN(q) ? -1 : Math.max(-32768, Math.min(32767, q)) / 32768;
}

function fromWasm(decoded: WasmDecoded, channels: number, sampleRate: number, req: DecodeRequest, convert: (v: number) => number): DecodedWaveform {
  const [first, end] = span(decoded.samplesDecoded, req);
  const planar: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    const src = decoded.channelData[c] ?? decoded.channelData[0]!;
    const out = new Float32Array(end - first);
    for (let i = first; i < end; i++) out[i - first] = convert(src[i]!);
    planar.push(out);
  }
  return arrange(planar, req, sampleRate || decoded.sampleRate);
}

/** @internal What info() reports, read from the headers (a FLAC stream without a sample count is decoded to count it). */
export function metadataOf(bytes: Uint8Array, container: AudioContainer, ctx: IoContext): AudioMetaData {
  if (container === 'wav') {
    const w = parseWav(bytes, ctx);
    return new AudioMetaData(w.sampleRate, w.numFrames, w.numChannels, w.bitsPerSample, w.encoding);
  }
  if (container === 'flac') {
    const f = parseFlacHeader(bytes, ctx);
    const frames = f.totalSamples > 0 ? f.totalSamples : decodeFlac(bytes, f, 0, -1, ctx).length;
    return new AudioMetaData(f.sampleRate, frames, f.numChannels, f.bitsPerSample, 'FLAC');
  }
  if (container === 'mp3') {
    const m = parseMpeg(bytes, ctx);
    return new AudioMetaData(m.sampleRate, m.numFrames, m.numChannels, 0, 'MP3');
  }
  const v = parseOggVorbis(bytes, ctx);
  return new AudioMetaData(v.sampleRate, v.totalSamples, v.numChannels, 0, 'VORBIS');
}
