import { crop } from './crop';
import type { ImageInput } from './internal/image-input';
import { resize, type ResizeOptions } from './resize';

/**
 * Options of {@link resizedCrop}: those of {@link resize} without `maxSize`.
 *
 * @example
 * ```ts
 * const options: ResizedCropOptions = { interpolation: 'bilinear', antialias: true };
 * ```
 */
export type ResizedCropOptions = Omit<ResizeOptions, 'maxSize'>;

/**
 * Crops the `height x width` region at (`top`, `left`) and resizes it to `size` (torchvision's
 * `resized_crop`, the core of `RandomResizedCrop`): {@link crop} then {@link resize}.
 *
 * @param size the output `[h, w]`, or one number for the smaller edge.
 * @param options `interpolation` (@default 'bilinear'), `antialias` (tensors, bilinear/bicubic; @default true).
 * @example
 * ```ts
 * resizedCrop(Image.new('RGB', [320, 240]), 10, 20, 200, 150, [224, 224]).size; // [224, 224]
 * ```
 */
export function resizedCrop<T extends ImageInput>(img: T, top: number, left: number, height: number, width: number, size: number | readonly number[], options: ResizedCropOptions = {}): T {
  return resize(crop(img, top, left, height, width), size, options);
}
