// The MPEG (mpg123) and Vorbis (libvorbis) decoders are WebAssembly builds published as ES
// modules. They load on first use. An MPEG file gets a decoder instance of its own (instantiated
// from the module the package compiles once), so concurrent loads never share decoder state. The
// Vorbis decoder re-instantiates itself after every file (decodeFile ends with a reset), so one
// instance serves every file, one file at a time.

/** @internal What a wasm decoder returns for a whole file. */
export interface WasmDecoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  /** The decoder's error messages (empty when the stream decoded cleanly). */
  errors: string[];
}

interface RawDecoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

interface MpegDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): RawDecoded;
  free(): void;
}

interface VorbisDecoder {
  ready: Promise<void>;
  decodeFile(data: Uint8Array): Promise<RawDecoded>;
  free(): void;
}

type MpegModule = { MPEGDecoder: new (options?: { enableGapless?: boolean }) => MpegDecoder };
type VorbisModule = { OggVorbisDecoder: new () => VorbisDecoder };

function settle(raw: RawDecoded): WasmDecoded {
  return { channelData: raw.channelData, samplesDecoded: raw.samplesDecoded, sampleRate: raw.sampleRate, errors: raw.errors.map((e) => e.message) };
}

/** Imports a decoder module once; a failed import is retried on the next call. */
function once<T>(get: () => Promise<unknown>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= (get() as Promise<T>).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const mpegModule = once<MpegModule>(() => import('mpg123-decoder'));
const vorbisModule = once<VorbisModule>(() => import('@wasm-audio-decoders/ogg-vorbis'));

/**
 * @internal Decodes a whole MPEG audio file with mpg123 (gapless: the LAME tag's delay and padding
 * are removed unless `gapless` is false). mpg123-decoder also prints its errors with
 * console.error; they reach the caller in `errors` only.
 */
export async function decodeMpegWasm(bytes: Uint8Array, gapless = true): Promise<WasmDecoded> {
  const { MPEGDecoder } = await mpegModule();
  const decoder = new MPEGDecoder({ enableGapless: gapless });
  try {
    await decoder.ready;
    const original = console.error;
    // decode() is synchronous, so nothing else runs while console.error is silenced.
    console.error = () => {};
    try {
      return settle(decoder.decode(bytes));
    } finally {
      console.error = original;
    }
  } finally {
    decoder.free();
  }
}

let vorbisDecoder: Promise<VorbisDecoder> | undefined;
let vorbisQueue: Promise<unknown> = Promise.resolve();

async function vorbisInstance(): Promise<VorbisDecoder> {
  const { OggVorbisDecoder } = await vorbisModule();
  const decoder = new OggVorbisDecoder();
  await decoder.ready;
  return decoder;
}

/** @internal Decodes a whole Ogg Vorbis file with libvorbis (the last page's granule position trims the end). */
export function decodeVorbisWasm(bytes: Uint8Array): Promise<WasmDecoded> {
  const run = vorbisQueue.then(async () => {
    vorbisDecoder ??= vorbisInstance();
    let decoder: VorbisDecoder | undefined;
    try {
      decoder = await vorbisDecoder;
      return settle(await decoder.decodeFile(bytes));
    } catch (error) {
      // A decode that failed half-way may leave the instance unusable: start afresh next time.
      vorbisDecoder = undefined;
      try {
        decoder?.free();
      } catch {
        // Already unusable; nothing more to free.
      }
      throw error;
    }
  });
  vorbisQueue = run.catch(() => undefined);
  return run;
}
