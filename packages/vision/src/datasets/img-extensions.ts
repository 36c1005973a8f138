import { hasFileAllowedExtension } from './has-file-allowed-extension';

/**
 * The file extensions {@link ImageFolder} reads (torchvision's `IMG_EXTENSIONS`), lowercase;
 * names are compared case-insensitively.
 *
 * @example
 * ```ts
 * IMG_EXTENSIONS.includes('.png'); // true
 * ```
 */
export const IMG_EXTENSIONS: readonly string[] = Object.freeze([
  '.jpg',
  '.jpeg',
  '.png',
  '.ppm',
  '.bmp',
  '.pgm',
  '.tif',
  '.tiff',
  '.webp',
]);

/**
 * Whether a file name ends with one of {@link IMG_EXTENSIONS}, ignoring case (torchvision's
 * `is_image_file`).
 *
 * @example
 * ```ts
 * isImageFile('cat/001.JPG'); // true
 * isImageFile('cat/notes.txt'); // false
 * ```
 */
export function isImageFile(filename: string): boolean {
  return hasFileAllowedExtension(filename, IMG_EXTENSIONS);
}
