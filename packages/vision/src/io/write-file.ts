import { writeFile as fsWriteFile } from 'node:fs/promises';
import { ArgumentTypeError } from '@dl/core';
import { describeInput } from '../transforms/functional/internal/image-input';

/**
 * Writes bytes to a file, as torchvision's `write_file` (e.g. what {@link encodeJpeg} returned).
 *
 * @example
 * ```ts
 * await io.writeFile('out.jpg', await io.encodeJpeg(img, { quality: 90 }));
 * ```
 */
export async function writeFile(filename: string | URL, data: Uint8Array): Promise<void> {
  if (typeof filename !== 'string' && !(filename instanceof URL)) throw new ArgumentTypeError(`writeFile: expected a file path (string or URL), got ${describeInput(filename)}`);
  if (!(data instanceof Uint8Array)) throw new ArgumentTypeError(`writeFile: expected the data as a Uint8Array, got ${describeInput(data)}`);
  await fsWriteFile(filename, data);
}
