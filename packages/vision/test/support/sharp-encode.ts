import sharp from 'sharp';
import type { Image } from '../../src/image/image';

/**
 * Encodes an image as PNG, JPEG or WebP with sharp directly (not through @dl/vision's io), so
 * dataset tests get real files in the real formats independently of the decoders under test.
 */
export async function sharpEncode(image: Pick<Image, 'width' | 'height' | 'channels' | 'data'>, format: 'png' | 'jpeg' | 'webp'): Promise<Uint8Array> {
  const raw = sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: image.channels as 1 | 3 | 4 } });
  const encoded = format === 'png' ? raw.png() : format === 'jpeg' ? raw.jpeg({ quality: 95 }) : raw.webp({ lossless: true });
  return new Uint8Array(await encoded.toBuffer());
}
