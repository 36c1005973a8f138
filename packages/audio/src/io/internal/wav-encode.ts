import { aLawEncode13, muLawEncode14 } from './g711';
import { soxTo16, soxTo24, soxToFloat, soxToFloat64, soxToSigned, soxToU8 } from './sox-sample';

/** @internal A WAV encoding torchaudio writes. */
export type WavEncoding = 'PCM_S' | 'PCM_U' | 'PCM_F' | 'ULAW' | 'ALAW';

/** @internal What to write: `frames` x `channels` sox samples (interleaved) in one encoding. */
export interface WavWrite {
  samples: Int32Array;
  channels: number;
  sampleRate: number;
  encoding: WavEncoding;
  bits: 8 | 16 | 24 | 32 | 64;
}

const FORMAT_TAGS: Record<WavEncoding, number> = { PCM_S: 1, PCM_U: 1, PCM_F: 3, ALAW: 6, ULAW: 7 };
/** Speaker positions libsox's WAV writer gives 1, 2, 4, 6 and 8 channels (none for other counts). */
const CHANNEL_MASKS: Record<number, number> = { 1: 0x4, 2: 0x3, 4: 0x33, 6: 0x3f, 8: 0x63f };
const PCM_GUID = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/**
 * @internal The bytes libsox's WAV writer produces (as torchaudio 0.13 calls it): a 16-byte fmt
 * chunk for PCM of up to 16 bits and 2 channels; WAVE_FORMAT_EXTENSIBLE (with a fact chunk) for
 * wider or multichannel PCM; an 18-byte fmt chunk and a fact chunk for float, mu-law and A-law.
 */
export function encodeWavBytes(w: WavWrite): Uint8Array {
  const { samples, channels, sampleRate, encoding, bits } = w;
  const frames = samples.length / channels;
  const bytesPerSample = bits / 8;
  const dataSize = samples.length * bytesPerSample;
  const pcm = encoding === 'PCM_S' || encoding === 'PCM_U';
  const extensible = pcm && (channels > 2 || bits > 16);
  const fmtSize = extensible ? 40 : pcm ? 16 : 18;
  const factSize = pcm && !extensible ? 0 : 12;
  const total = 12 + 8 + fmtSize + factSize + 8 + dataSize + (dataSize & 1);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, total - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : FORMAT_TAGS[encoding], true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * bytesPerSample, true);
  view.setUint16(32, channels * bytesPerSample, true);
  view.setUint16(34, bits, true);
  if (fmtSize > 16) view.setUint16(36, extensible ? 22 : 0, true);
  if (extensible) {
    view.setUint16(38, bits, true);
    view.setUint32(40, CHANNEL_MASKS[channels] ?? 0, true);
    out.set(PCM_GUID, 44);
  }
  let at = 20 + fmtSize;
  if (factSize) {
    ascii(at, 'fact');
    view.setUint32(at + 4, 4, true);
    view.setUint32(at + 8, frames, true);
    at += 12;
  }
  ascii(at, 'data');
  view.setUint32(at + 4, dataSize, true);
  writeSamples(view, at + 8, samples, encoding, bits);
  return out;
}

function writeSamples(view: DataView, at: number, s: Int32Array, encoding: WavEncoding, bits: number): void {
  const n = s.length;
  if (encoding === 'PCM_U') for (let i = 0; i < n; i++) view.setUint8(at + i, soxToU8(s[i]!));
  else if (encoding === 'ULAW') for (let i = 0; i < n; i++) view.setUint8(at + i, muLawEncode14(soxToSigned(s[i]!, 14)));
  else if (encoding === 'ALAW') for (let i = 0; i < n; i++) view.setUint8(at + i, aLawEncode13(soxToSigned(s[i]!, 13)));
  else if (encoding === 'PCM_F' && bits === 32) for (let i = 0; i < n; i++) view.setFloat32(at + 4 * i, soxToFloat(s[i]!), true);
  else if (encoding === 'PCM_F') for (let i = 0; i < n; i++) view.setFloat64(at + 8 * i, soxToFloat64(s[i]!), true);
  else if (bits === 16) for (let i = 0; i < n; i++) view.setInt16(at + 2 * i, soxTo16(s[i]!), true);
  else if (bits === 24) {
    for (let i = 0; i < n; i++) {
      const v = soxTo24(s[i]!);
      view.setUint8(at + 3 * i, v & 0xff);
      view.setUint8(at + 3 * i + 1, (v >> 8) & 0xff);
      view.setUint8(at + 3 * i + 2, (v >> 16) & 0xff);
    }
  } else for (let i = 0; i < n; i++) view.setInt32(at + 4 * i, s[i]!, true);
}
