/**
 * The encoded formats the decoders read.
 *
 * @example
 * ```ts
 * const format: io.ImageFormat | null = io.detectImageFormat(bytes); // 'png'
 * ```
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff';

/**
 * The format of encoded image bytes, from their signature (not the file extension), or `null`
 * when they start like none of JPEG, PNG, WebP, GIF, BMP or TIFF.
 *
 * @example
 * ```ts
 * io.detectImageFormat(await io.readFile('cat.jpg')); // 'jpeg'
 * io.detectImageFormat(new TextEncoder().encode('hello')); // null
 * ```
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  const n = b.length;
  if (n >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (n >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (n >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (n >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (n >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (n >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  return null;
}

function ascii(b: Uint8Array, at: number, len: number): string {
  return String.fromCharCode(...b.subarray(at, at + len));
}
