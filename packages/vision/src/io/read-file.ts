import { readBytes } from './internal/read-bytes';

/**
 * Reads a file's bytes, as torchvision's `read_file` (which returns a uint8 tensor; the bytes
 * are what the decoders take here). A missing or unreadable file rejects with an ImageError
 * naming it.
 *
 * @example
 * ```ts
 * const bytes = await io.readFile('cat.jpg');
 * const img = await io.decodeImage(bytes); // int32 [3, H, W]
 * ```
 */
export function readFile(path: string | URL): Promise<Uint8Array> {
  return readBytes(path, 'readFile');
}
