/**
 * How the samples of an audio file are coded, with torchaudio's names: `PCM_S` (signed integer
 * PCM), `PCM_U` (unsigned integer PCM), `PCM_F` (floating-point PCM), `ULAW` (mu-law), `ALAW`
 * (A-law), and the codecs `FLAC`, `MP3`, `VORBIS`.
 *
 * @example
 * ```ts
 * const encoding: AudioEncoding = (await info('speech.wav')).encoding; // 'PCM_S'
 * ```
 */
export type AudioEncoding = 'PCM_S' | 'PCM_U' | 'PCM_F' | 'ULAW' | 'ALAW' | 'FLAC' | 'MP3' | 'VORBIS';

/**
 * What {@link info} reads from an audio file's header (torchaudio's `AudioMetaData`): the sample
 * rate in Hz, the number of frames (samples per channel) that {@link load} returns, the number of
 * channels, the bits per sample (0 for the lossy codecs MP3 and Vorbis, as torchaudio reports) and
 * the encoding.
 *
 * @example
 * ```ts
 * const meta = await info('speech.wav');
 * console.log(String(meta)); // AudioMetaData(sampleRate=16000, numFrames=16000, numChannels=1, bitsPerSample=16, encoding=PCM_S)
 * const seconds = meta.numFrames / meta.sampleRate;
 * ```
 */
export class AudioMetaData {
  /** Samples per second, in Hz. */
  readonly sampleRate: number;
  /** Frames (samples per channel) in the file. */
  readonly numFrames: number;
  /** Channels. */
  readonly numChannels: number;
  /** Bits of each stored sample: 8, 16, 24, 32 or 64 for WAV, the stream's depth for FLAC, 0 for MP3 and Vorbis. */
  readonly bitsPerSample: number;
  /** How the samples are coded. */
  readonly encoding: AudioEncoding;

  constructor(sampleRate: number, numFrames: number, numChannels: number, bitsPerSample: number, encoding: AudioEncoding) {
    this.sampleRate = sampleRate;
    this.numFrames = numFrames;
    this.numChannels = numChannels;
    this.bitsPerSample = bitsPerSample;
    this.encoding = encoding;
  }

  /** `AudioMetaData(sampleRate=..., numFrames=..., numChannels=..., bitsPerSample=..., encoding=...)`, as torchaudio prints it. */
  toString(): string {
    return `AudioMetaData(sampleRate=${this.sampleRate}, numFrames=${this.numFrames}, numChannels=${this.numChannels}, bitsPerSample=${this.bitsPerSample}, encoding=${this.encoding})`;
  }
}
