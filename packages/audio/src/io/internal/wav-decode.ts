import { A_LAW_DECODE, MU_LAW_DECODE } from './g711';
import { float64ToSox, floatToSox, soxToFloat } from './sox-sample';
import type { WavLayout } from './wav-header';

/** @internal Samples in the layout `load` returns: float32, or int32 holding integer PCM values. */
export type SampleArray = Float32Array | Int32Array;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * @internal Whether `load(..., { normalize: false })` returns integers for this WAV: integer PCM
 * does (torchaudio's uint8/int16/int32), float and G.711 files give float32 either way.
 */
export function wavHasIntegers(layout: WavLayout): boolean {
  return layout.encoding === 'PCM_S' || layout.encoding === 'PCM_U';
}

/**
 * @internal Decodes frames [start, start + count) of a WAV file into `[C, count]` (channelsFirst)
 * or `[count, C]` order, as torchaudio's libsox path gives them: normalized floats, or with
 * `integers` the stored integers (24-bit ones times 256, as torchaudio's int32 holds them).
 */
export function decodeWavFrames(bytes: Uint8Array, layout: WavLayout, start: number, count: number, integers: boolean, channelsFirst: boolean): SampleArray {
  const channels = layout.numChannels;
  const n = count * channels;
  const offset = layout.dataOffset + start * channels * layout.bytesPerSample;
  if (layout.encoding === 'PCM_S' && layout.bytesPerSample === 2 && LITTLE_ENDIAN) {
    return decode16(bytes, offset, count, channels, integers, channelsFirst);
  }
  const interleaved = integers ? new Int32Array(n) : new Float32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * layout.bytesPerSample);
  fillInterleaved(view, layout, interleaved, integers);
  return channelsFirst && channels > 1 ? toChannelsFirst(interleaved, count, channels) : interleaved;
}

/** 16-bit PCM, the common case, through an Int16Array view (copied first when the offset is odd). */
function decode16(bytes: Uint8Array, offset: number, count: number, channels: number, integers: boolean, channelsFirst: boolean): SampleArray {
  const n = count * channels;
  const at = bytes.byteOffset + offset;
  const src = at % 2 === 0 ? new Int16Array(bytes.buffer, at, n) : new Int16Array(bytes.slice(offset, offset + 2 * n).buffer);
  const planar = channelsFirst && channels > 1;
  // Separate loops per output type keep each one monomorphic (several times faster in V8).
  if (integers) return planar ? planar16(src, new Int32Array(n), count, channels, 1) : copy16(src, new Int32Array(n), 1);
  return planar ? planar16(src, new Float32Array(n), count, channels, 1 / 32768) : copy16(src, new Float32Array(n), 1 / 32768);
}

function copy16<T extends SampleArray>(src: Int16Array, out: T, scale: number): T {
  for (let i = 0; i < out.length; i++) out[i] = src[i]! * scale;
  return out;
}

function planar16<T extends SampleArray>(src: Int16Array, out: T, count: number, channels: number, scale: number): T {
  for (let c = 0; c < channels; c++) {
    const base = c * count;
    for (let i = 0, j = c; i < count; i++, j += channels) out[base + i] = src[j]! * scale;
  }
  return out;
}

/** Every sample of `view` in file order, converted as torchaudio converts the encoding. */
function fillInterleaved(view: DataView, layout: WavLayout, out: SampleArray, integers: boolean): void {
  const n = out.length;
  const { encoding, bytesPerSample } = layout;
  if (encoding === 'PCM_U') {
    for (let i = 0; i < n; i++) {
      const v = view.getUint8(i);
      out[i] = integers ? v : (v - 128) / 128;
    }
  } else if (encoding === 'ULAW' || encoding === 'ALAW') {
    const table = encoding === 'ULAW' ? MU_LAW_DECODE : A_LAW_DECODE;
    for (let i = 0; i < n; i++) out[i] = table[view.getUint8(i)]! / 32768;
  } else if (encoding === 'PCM_F' && bytesPerSample === 4) {
    for (let i = 0; i < n; i++) out[i] = soxToFloat(floatToSox(view.getFloat32(4 * i, true)));
  } else if (encoding === 'PCM_F') {
    for (let i = 0; i < n; i++) out[i] = soxToFloat(float64ToSox(view.getFloat64(8 * i, true)));
  } else if (bytesPerSample === 2) {
    for (let i = 0; i < n; i++) out[i] = integers ? view.getInt16(2 * i, true) : view.getInt16(2 * i, true) / 32768;
  } else if (bytesPerSample === 3) {
    for (let i = 0; i < n; i++) {
      const v = view.getUint8(3 * i) | (view.getUint8(3 * i + 1) << 8) | (view.getInt8(3 * i + 2) << 16);
      out[i] = integers ? v * 256 : v / 8388608;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = view.getInt32(4 * i, true);
      out[i] = integers ? v : soxToFloat(v);
    }
  }
}

/** @internal `[count, channels]` interleaved samples reordered to `[channels, count]`. */
export function toChannelsFirst<T extends SampleArray>(interleaved: T, count: number, channels: number): T {
  const out = new (interleaved.constructor as { new (n: number): T })(interleaved.length);
  for (let c = 0; c < channels; c++) {
    const base = c * count;
    for (let i = 0, j = c; i < count; i++, j += channels) out[base + i] = interleaved[j]!;
  }
  return out;
}
