import { fiveCrop } from './functional/five-crop';
import type { ImageInput } from './functional/internal/image-input';
import { setupSize, type SizeArg } from './internal/transform-args';
import { Transform } from './transform';

/**
 * Crops the four corners and the center of an image (torchvision's `FiveCrop`), returning
 * `[topLeft, topRight, bottomLeft, bottomRight, center]` of the input's kind. Follow it with a
 * `Lambda` that stacks the crops when a model needs one tensor.
 *
 * @param size a number (square crops) or `[h, w]`.
 * @example
 * ```ts
 * const crops = new FiveCrop(8)(img); // 5 Images of 8x8
 * const batch = dl.stack(crops.map((c) => toTensor(c))); // [5, C, 8, 8]
 * ```
 */
export interface FiveCrop {
  /** Applies the transform (same as `forward`). */
  <T extends ImageInput>(img: T): [T, T, T, T, T];
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the generic call signature the base constructor provides
export class FiveCrop extends Transform<ImageInput, ImageInput[]> {
  /** `[h, w]` of each crop. */
  readonly size: readonly [number, number];
  readonly #size: SizeArg;
  readonly #input: number | readonly number[];

  constructor(size: number | readonly number[]) {
    super();
    this.#size = setupSize(size, 'FiveCrop');
    this.size = this.#size.size;
    this.#input = typeof size === 'number' ? size : [...size];
  }

  /** The five crops of `img`, with the functional `fiveCrop`. */
  override forward<T extends ImageInput>(img: T): [T, T, T, T, T] {
    return fiveCrop(img, this.size) as [T, T, T, T, T];
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input];
  }

  /** `FiveCrop(size=(8, 8))`. */
  override toString(): string {
    return `FiveCrop(size=${this.#size.repr})`;
  }
}
