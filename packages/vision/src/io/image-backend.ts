import { ImageBackendError } from '../errors/image-backend-error';
import { backendState } from './internal/backend-state';
import { activeSharp, errorText } from './internal/active-sharp';
import { loadSharp } from './internal/sharp-loader';

/**
 * The image codecs: `'sharp'` (libvips, native, the default in Node when it loads) or `'wasm'`
 * (@jsquash's MozJPEG, PNG and WebP codecs compiled to WebAssembly, and UTIF for TIFF). Both
 * decode to the same pixels as PIL; GIF and BMP use this package's own decoders on both.
 *
 * @example
 * ```ts
 * const backend: io.ImageBackendName = io.getImageBackend(); // 'sharp'
 * ```
 */
export type ImageBackendName = 'sharp' | 'wasm';

const BACKENDS: readonly ImageBackendName[] = ['sharp', 'wasm'];
const state = backendState;

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
  state.chosen = name;
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
  if (state.chosen !== undefined) return state.chosen;
  return activeSharp() === null ? 'wasm' : 'sharp';
}
