import { DLError } from '@dl/core';

/**
 * An image cannot be decoded or encoded: the bytes are not an image in a supported format, or
 * they are corrupt or truncated. The message names the file (or `<buffer>`) and what is wrong.
 *
 * @example
 * ```ts
 * try { await io.readImage('broken.png'); }
 * catch (e) { if (e instanceof ImageError) console.error(e.message); } // broken.png: truncated PNG ...
 * ```
 */
export class ImageError extends DLError {}
