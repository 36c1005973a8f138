import { ArgumentTypeError, ValueError } from '@dl/core';
import type { ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { resize } from './functional/resize';
import { ImageTransform } from './image-transform';
import { pyValue } from './internal/py-repr';
import { checkInterpolation, describeArg } from './internal/transform-args';

/** Options of {@link Resize}. */
export interface ResizeOptions {
  /** How pixels are resampled. @default InterpolationMode.BILINEAR */
  interpolation?: InterpolationMode;
  /** The longest the longer edge may become (only with a single-number `size`). */
  maxSize?: number;
  /** Antialias when downscaling tensors (Images always are, as PIL does). @default true */
  antialias?: boolean;
}

/**
 * Resizes an image to `size` (torchvision's `Resize`): a number matches the smaller edge to it,
 * keeping the aspect ratio; `[h, w]` sets both. Images are resampled with PIL's filters, tensors
 * (`[..., H, W]`) as torchvision's tensor path does.
 *
 * @param size a number (the smaller edge) or `[h, w]` (or `[s]`, as a number).
 * @example
 * ```ts
 * const t = new Resize(256); // a 640x480 image becomes 341x256
 * String(t); // 'Resize(size=256, interpolation=bilinear, max_size=None, antialias=True)'
 * ```
 */
export class Resize extends ImageTransform {
  /** The size as given. */
  readonly size: number | readonly number[];
  /** The resampling filter. */
  readonly interpolation: InterpolationMode;
  /** The cap on the longer edge, if any. */
  readonly maxSize: number | undefined;
  /** Whether tensors are antialiased when downscaled. */
  readonly antialias: boolean;

  constructor(size: number | readonly number[], options: ResizeOptions = {}) {
    super();
    if (typeof size !== 'number' && !(Array.isArray(size) && size.every((s) => typeof s === 'number'))) {
      throw new ArgumentTypeError(`Resize: Size should be a number or a sequence of numbers, got ${describeArg(size)}`);
    }
    if (Array.isArray(size) && size.length !== 1 && size.length !== 2) {
      throw new ValueError(`Resize: If size is a sequence, it should have 1 or 2 values, got ${size.length}: ${describeArg(size)}`);
    }
    const { maxSize } = options;
    if (maxSize !== undefined && (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize <= 0)) {
      throw new ValueError(`Resize: maxSize should be a positive integer, got ${describeArg(maxSize)}`);
    }
    if (maxSize !== undefined && Array.isArray(size) && size.length === 2) {
      throw new ValueError(
        `Resize: maxSize should only be passed if size specifies the length of the smaller edge, i.e. size should be a number or a list of length 1, got size ${describeArg(size)}`,
      );
    }
    this.size = typeof size === 'number' ? size : [...size];
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.BILINEAR, 'Resize');
    this.maxSize = maxSize;
    this.antialias = options.antialias ?? true;
  }

  /** Resizes `img` with the functional `resize`. */
  override forward<T extends ImageInput>(img: T): T {
    return resize(img, this.size, { interpolation: this.interpolation, maxSize: this.maxSize, antialias: this.antialias });
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.size, { interpolation: this.interpolation, maxSize: this.maxSize, antialias: this.antialias }];
  }

  /** `Resize(size=256, interpolation=bilinear, max_size=None, antialias=True)`. */
  override toString(): string {
    return `Resize(size=${pyValue(this.size)}, interpolation=${this.interpolation}, max_size=${pyValue(this.maxSize)}, antialias=${pyValue(this.antialias)})`;
  }
}
