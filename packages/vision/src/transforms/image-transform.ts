import type { ImageInput } from './functional/internal/image-input';
import { Transform } from './transform';

/**
 * A {@link Transform} that maps an image to an image of the same kind: an {@link Image} in gives an
 * `Image` out, a Tensor (`[..., C, H, W]`, batched or not) gives a Tensor. The base of the
 * geometric and color transforms (`Resize`, `RandomHorizontalFlip`, `ColorJitter`, ...), so calling
 * one keeps the input's type.
 *
 * @example
 * ```ts
 * const flip = new RandomHorizontalFlip(1);
 * const out: Image = flip(img); // an Image, since an Image went in
 * ```
 */
export interface ImageTransform {
  /** Applies the transform (same as `forward`). */
  <T extends ImageInput>(img: T): T;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the generic call signature the base constructor provides
export abstract class ImageTransform extends Transform<ImageInput, ImageInput> {
  /** Applies the transform to an Image or an image tensor. */
  abstract override forward<T extends ImageInput>(img: T): T;
}
