import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** @internal RGBA pixels as the @jsquash codecs return them (their ImageData). */
export interface RgbaPixels {
  data: Uint8ClampedArray | Uint8Array | Uint16Array;
  width: number;
  height: number;
}

/** A compiled WebAssembly module, kept opaque (the `WebAssembly` namespace is not in every consumer's lib). */
type WasmModule = object;

interface EmscriptenCodec<A extends unknown[], R> {
  init(module: WasmModule, overrides: { print: (s: string) => void; printErr: (s: string) => void }): Promise<void>;
  default(...args: A): Promise<R>;
}

interface PngCodec {
  init(module: WasmModule): Promise<unknown>;
  decode(data: ArrayBuffer, options: { bitDepth: 8 | 16 }): Promise<RgbaPixels>;
}

/** @internal A codec's decode with the messages its C library printed during the call. */
export type CodecCall<A extends unknown[], R> = (...args: A) => Promise<{ result?: R; error?: unknown; messages: string[] }>;

const require = createRequire(import.meta.url);

// ES2022's lib does not declare the WebAssembly global: reach it through globalThis.
const wasmApi = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

/** The .wasm file of a codec, compiled (in Node their `init()` cannot fetch it by URL). */
async function compile(file: string): Promise<WasmModule> {
  return wasmApi.compile(await readFile(require.resolve(file)));
}

/**
 * An emscripten codec (MozJPEG, libwebp) initialised with its wasm, its stdout muted and its
 * stderr captured per call. Calls run one at a time (each is a synchronous wasm call anyway), so
 * the messages belong to the call that printed them.
 */
function emscripten<A extends unknown[], R>(load: () => Promise<unknown>, wasm: string): () => Promise<CodecCall<A, R>> {
  let ready: Promise<CodecCall<A, R>> | undefined;
  return () => {
    ready ??= (async () => {
      const codec = (await load()) as EmscriptenCodec<A, R>;
      const module = await compile(wasm);
      let messages: string[] = [];
      const overrides = { print: () => {}, printErr: (s: string) => messages.push(s) };
      await codec.init(module, overrides);
      let queue: Promise<unknown> = Promise.resolve();
      return (...args: A) => {
        const run = queue.then(async () => {
          messages = [];
          try {
            return { result: await codec.default(...args), messages };
          } catch (error) {
            // libjpeg's error exit leaves the instance's memory unusable (later calls trap with
            // "memory access out of bounds"): start a fresh instance of the compiled module.
            await codec.init(module, overrides);
            return { error, messages };
          }
        });
        queue = run;
        return run;
      };
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
}

/** @internal MozJPEG's decoder: `(jpegBytes) -> RGBA`. */
export const jpegDecoder = emscripten<[ArrayBuffer], RgbaPixels>(() => import('@jsquash/jpeg/decode.js'), '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm');

/** @internal MozJPEG's encoder: `(rgba, options) -> JPEG bytes`. */
export const jpegEncoder = emscripten<[RgbaPixels, Record<string, number | boolean>], ArrayBuffer>(() => import('@jsquash/jpeg/encode.js'), '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm');

/** @internal libwebp's decoder: `(webpBytes) -> RGBA`. */
export const webpDecoder = emscripten<[ArrayBuffer], RgbaPixels>(() => import('@jsquash/webp/decode.js'), '@jsquash/webp/codec/dec/webp_dec.wasm');

let png: Promise<PngCodec> | undefined;

/** @internal The Rust `png` crate's decoder (wasm-bindgen; errors are thrown, not printed). */
export function pngDecoder(): Promise<PngCodec> {
  png ??= (async () => {
    const codec = (await import('@jsquash/png/decode.js')) as unknown as PngCodec;
    await codec.init(await compile('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'));
    return codec;
  })();
  png.catch(() => {
    png = undefined;
  });
  return png;
}
