import { centerCrop } from './functional/center-crop';
import type { ImageInput } from './functional/internal/image-input';
import { ImageTransform } from './image-transform';
import { setupSize } from './internal/transform-args';

/**
 * Crops the center of an image to `size` (torchvision's `CenterCrop`); an image smaller than
 * `size` is padded with zeros first.
 *
 * @param size a number (a square crop) or `[h, w]`.
 * @example
 * ```ts
 * new CenterCrop(224)(img); // 224x224 from the middle
 * String(new CenterCrop(10)); // 'CenterCrop(size=(10, 10))'
 * ```
 */
export class CenterCrop extends ImageTransform {
  /** `[h, w]`. */
  readonly size: readonly [number, number];
  readonly #input: number | readonly number[];
  readonly #repr: string;

  constructor(size: number | readonly number[]) {
    super();
    const s = setupSize(size, 'CenterCrop');
    this.size = s.size;
    this.#repr = s.repr;
    this.#input = typeof size === 'number' ? size : [...size];
  }

  /** Crops `img` with the functional `centerCrop`. */
  override forward<T extends ImageInput>(img: T): T {
    return centerCrop(img, this.size);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input];
  }

  /** `CenterCrop(size=(10, 10))`. */
  override toString(): string {
    return `CenterCrop(size=${this.#repr})`;
  }
}
