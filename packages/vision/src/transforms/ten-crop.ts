import type { ImageInput } from './functional/internal/image-input';
import { tenCrop } from './functional/ten-crop';
import { pyValue } from './internal/py-repr';
import { setupSize, type SizeArg } from './internal/transform-args';
import { Transform } from './transform';

/** Options of {@link TenCrop}. */
export interface TenCropOptions {
  /** Flip vertically instead of horizontally for the second five. @default false */
  verticalFlip?: boolean;
}

/**
 * The five crops of `FiveCrop` and the same five of the flipped image (torchvision's `TenCrop`):
 * ten images of the input's kind.
 *
 * @param size a number (square crops) or `[h, w]`.
 * @example
 * ```ts
 * const crops = new TenCrop(8, { verticalFlip: true })(img); // 10 Images of 8x8
 * ```
 */
export interface TenCrop {
  /** Applies the transform (same as `forward`). */
  <T extends ImageInput>(img: T): T[];
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the generic call signature the base constructor provides
export class TenCrop extends Transform<ImageInput, ImageInput[]> {
  /** `[h, w]` of each crop. */
  readonly size: readonly [number, number];
  /** Whether the flipped five are flipped vertically. */
  readonly verticalFlip: boolean;
  readonly #size: SizeArg;
  readonly #input: number | readonly number[];

  constructor(size: number | readonly number[], options: TenCropOptions = {}) {
    super();
    this.#size = setupSize(size, 'TenCrop');
    this.size = this.#size.size;
    this.#input = typeof size === 'number' ? size : [...size];
    this.verticalFlip = options.verticalFlip ?? false;
  }

  /** The ten crops of `img`, with the functional `tenCrop`. */
  override forward<T extends ImageInput>(img: T): T[] {
    return tenCrop(img, this.size, this.verticalFlip) as T[];
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input, { verticalFlip: this.verticalFlip }];
  }

  /** `TenCrop(size=(8, 8), vertical_flip=False)`. */
  override toString(): string {
    return `TenCrop(size=${this.#size.repr}, vertical_flip=${pyValue(this.verticalFlip)})`;
  }
}
