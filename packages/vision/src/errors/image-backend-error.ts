import { DLError } from '@dl/core';

/**
 * An image backend is unknown or cannot load here (for example `sharp` without its prebuilt
 * libvips for this platform).
 *
 * @example
 * ```ts
 * setImageBackend('pil'); // throws ImageBackendError: unknown image backend 'pil' (expected 'sharp' or 'wasm')
 * ```
 */
export class ImageBackendError extends DLError {}
