import { ValueError } from '@dl/core';
import { crop } from './functional/crop';
import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { pad } from './functional/pad';
import { ImageTransform } from './image-transform';
import { checkPadding, checkPadFill, checkPaddingMode, type PaddingMode } from './internal/pad-args';
import { pySeq, pyValue } from './internal/py-repr';
import { randInt } from './internal/random-draws';
import { setupSize } from './internal/transform-args';

/** Options of {@link RandomCrop}. */
export interface RandomCropOptions {
  /** Padding added on every border before cropping: a number, `[leftRight, topBottom]` or `[left, top, right, bottom]`. */
  padding?: number | readonly number[];
  /** Pad an image smaller than `size` so the crop fits (the padding then lands at a random offset). @default false */
  padIfNeeded?: boolean;
  /** The value (or one per channel) of a `'constant'` border. @default 0 */
  fill?: number | readonly number[];
  /** `'constant'`, `'edge'`, `'reflect'` or `'symmetric'` (see `Pad`). @default 'constant' */
  paddingMode?: PaddingMode;
}

/**
 * Crops an image at a random place (torchvision's `RandomCrop`), after optional padding. The
 * offsets come from @dl/core's default generator; a batch gets one crop for all its images.
 *
 * @param size a number (a square crop) or `[h, w]`.
 * @example
 * ```ts
 * const t = new RandomCrop(32, { padding: 4 }); // the CIFAR-10 augmentation
 * String(t); // 'RandomCrop(size=(32, 32), padding=4)'
 * ```
 */
export class RandomCrop extends ImageTransform {
  /** `[h, w]` of the crop. */
  readonly size: readonly [number, number];
  /** The padding added first, if any. */
  readonly padding: number | readonly number[] | undefined;
  /** Whether small images are padded to fit. */
  readonly padIfNeeded: boolean;
  /** The constant fill of the padding. */
  readonly fill: number | readonly number[];
  /** The border mode of the padding. */
  readonly paddingMode: PaddingMode;
  readonly #input: number | readonly number[];

  constructor(size: number | readonly number[], options: RandomCropOptions = {}) {
    super();
    this.size = setupSize(size, 'RandomCrop').size;
    this.#input = typeof size === 'number' ? size : [...size];
    this.padding = options.padding === undefined || options.padding === null ? undefined : checkPadding(options.padding, 'RandomCrop');
    this.padIfNeeded = options.padIfNeeded ?? false;
    this.fill = checkPadFill(options.fill, 'RandomCrop');
    this.paddingMode = checkPaddingMode(options.paddingMode, 'RandomCrop');
  }

  /**
   * The `[top, left, height, width]` of a random crop of `outputSize` (`[h, w]`) inside `img`
   * (torchvision's `RandomCrop.get_params`).
   *
   * @example
   * ```ts
   * const [i, j, h, w] = RandomCrop.getParams(img, [8, 8]);
   * ```
   */
  static getParams(img: ImageInput, outputSize: readonly [number, number]): [number, number, number, number] {
    const [, h, w] = imageDimensions(img, 'RandomCrop');
    const [th, tw] = outputSize;
    if (h < th || w < tw) {
      throw new ValueError(`RandomCrop: Required crop size (${th}, ${tw}) is larger than input image size (${h}, ${w})`);
    }
    if (w === tw && h === th) return [0, 0, h, w];
    const i = randInt(0, h - th + 1);
    const j = randInt(0, w - tw + 1);
    return [i, j, th, tw];
  }

  /** Pads (if asked) and crops `img` at a random place. */
  override forward<T extends ImageInput>(img: T): T {
    const padOptions = { fill: this.fill, paddingMode: this.paddingMode };
    let x: T = img;
    if (this.padding !== undefined) x = pad(x, this.padding, padOptions);
    const [, height, width] = imageDimensions(x, 'RandomCrop');
    if (this.padIfNeeded && width < this.size[1]) x = pad(x, [this.size[1] - width, 0], padOptions);
    if (this.padIfNeeded && height < this.size[0]) x = pad(x, [0, this.size[0] - height], padOptions);
    const [i, j, h, w] = RandomCrop.getParams(x, this.size);
    return crop(x, i, j, h, w);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input, { padding: this.padding, padIfNeeded: this.padIfNeeded, fill: this.fill, paddingMode: this.paddingMode }];
  }

  /** `RandomCrop(size=(32, 32), padding=4)`. */
  override toString(): string {
    return `RandomCrop(size=${pySeq(this.size, 'tuple')}, padding=${pyValue(this.padding)})`;
  }
}
