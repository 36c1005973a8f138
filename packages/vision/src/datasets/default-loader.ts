import type { Image } from '../image/image';
import { openRgb } from './internal/open-rgb';

/**
 * Reads an image file as an RGB {@link Image}, as torchvision's `default_loader` (`pil_loader`:
 * `Image.open(f).convert('RGB')`) does: grayscale is copied to the three channels, alpha is
 * dropped. The loader of {@link ImageFolder}.
 *
 * Rejects with an `ImageError` naming the file when it is missing, corrupt or not an image.
 *
 * @example
 * ```ts
 * const img = await defaultLoader('/data/pets/cat/1.png');
 * String(img); // '<Image mode=RGB size=32x24>'
 * ```
 */
export function defaultLoader(path: string): Promise<Image> {
  return openRgb(path, path, 'defaultLoader');
}
