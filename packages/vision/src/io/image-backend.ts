import { ImageBackendError } from '../errors/image-backend-error';
import { loadSharp, type Sharp } from './internal/sharp-loader';

/**
 * The image codecs: `'sharp'` (libvips, native, the default in Node when it loads) or `'wasm'`
 * (@jsquash's MozJPEG, PNG and WebP codecs compiled to WebAssembly, and UTIF for TIFF). Both
 * decode to the same pixels as PIL; GIF and BMP use this package's own decoders on both.
 */
export type ImageBackendName = 'sharp' | 'wasm';

const BACKENDS: readonly ImageBackendName[] = ['sharp', 'wasm'];
let chosen: ImageBackendName | undefined;
let warned = false;

/**
 * Chooses the codecs every later decode and encode uses, as torchvision's
 * `set_image_backend`. `'sharp'` throws an ImageBackendError when sharp cannot load here.
 *
 * @example
 * ```ts
 * io.setImageBackend('wasm'); // the WebAssembly codecs (also what a browser would use)
 * io.getImageBackend(); // 'wasm'
 * io.setImageBackend('pil'); // throws ImageBackendError: unknown image backend 'pil' ...
 * ```
 */
export function setImageBackend(name: ImageBackendName): void {
  if (!BACKENDS.includes(name)) {
    throw new ImageBackendError(`setImageBackend: unknown image backend ${JSON.stringify(name)} (expected one of ${BACKENDS.map((b) => `'${b}'`).join(', ')})`);
  }
  if (name === 'sharp') {
    const load = loadSharp();
    if ('error' in load) {
      throw new ImageBackendError(`setImageBackend: the 'sharp' backend cannot load here (${errorText(load.error)}); use 'wasm'`, { cause: load.error });
    }
  }
  chosen = name;
}

/**
 * The image backend in use: the one set by {@link setImageBackend}, else `'sharp'` when it loads
 * and `'wasm'` when it does not (with one warning).
 *
 * @example
 * ```ts
 * io.getImageBackend(); // 'sharp'
 * ```
 */
export function getImageBackend(): ImageBackendName {
  if (chosen !== undefined) return chosen;
  return activeSharp() === null ? 'wasm' : 'sharp';
}

/** @internal `sharp` when it is the backend in use, else null (the wasm codecs). */
export function activeSharp(): Sharp | null {
  if (chosen === 'wasm') return null;
  const load = loadSharp();
  if ('sharp' in load) return load.sharp;
  if (!warned) {
    warned = true;
    console.warn(`@dl/vision: sharp cannot load (${errorText(load.error)}); decoding images with the wasm backend instead`);
  }
  return null;
}

/** @internal For tests: back to the default choice, and warn again next time. */
export function resetImageBackend(): void {
  chosen = undefined;
  warned = false;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
