import type { Image } from '../../image/image';
import { openImage } from '../../io/open-image';
import { errorNamingFile } from './error-naming-file';

/**
 * @internal Reads an image file (or bytes) as RGB, as PIL's `Image.open(f).convert('RGB')`;
 * a failure's message names `what` (the file, or where the bytes came from) and `op`.
 */
export async function openRgb(source: string | Uint8Array, what: string, op: string): Promise<Image> {
  try {
    return await openImage(source, typeof source === 'string' ? { mode: 'RGB' } : { mode: 'RGB', source: what });
  } catch (error) {
    throw errorNamingFile(error, what, op);
  }
}
