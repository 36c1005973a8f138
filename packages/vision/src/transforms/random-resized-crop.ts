import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { resizedCrop } from './functional/resized-crop';
import { ImageTransform } from './image-transform';
import { pyFloat, pySeq, pyValue } from './internal/py-repr';
import { pyRound } from './internal/py-round';
import { randInt, uniform } from './internal/random-draws';
import { checkInterpolation, checkSequence, setupSize, type SizeArg } from './internal/transform-args';

/** Options of {@link RandomResizedCrop}. */
export interface RandomResizedCropOptions {
  /** Bounds of the crop's area, as a fraction of the image's. @default [0.08, 1.0] */
  scale?: readonly [number, number];
  /** Bounds of the crop's aspect ratio (width / height). @default [3 / 4, 4 / 3] */
  ratio?: readonly [number, number];
  /** How the crop is resampled to `size`. @default InterpolationMode.BILINEAR */
  interpolation?: InterpolationMode;
  /** Antialias when downscaling tensors (Images always are). @default true */
  antialias?: boolean;
}

/**
 * Crops a random part of an image and resizes it to `size` (torchvision's `RandomResizedCrop`, the
 * Inception augmentation): the crop's area is a random fraction (`scale`) of the image's and its
 * aspect ratio is log-uniform in `ratio`; after 10 tries that do not fit, a center crop is taken.
 * One crop for a whole batch; draws from @dl/core's default generator.
 *
 * @param size the output size: a number (square) or `[h, w]`.
 * @example
 * ```ts
 * const t = new RandomResizedCrop(224);
 * String(t); // 'RandomResizedCrop(size=(224, 224), scale=(0.08, 1.0), ratio=(0.75, 1.3333), interpolation=bilinear, antialias=True)'
 * ```
 */
export class RandomResizedCrop extends ImageTransform {
  /** `[h, w]` of the output. */
  readonly size: readonly [number, number];
  /** Bounds of the crop area fraction. */
  readonly scale: readonly [number, number];
  /** Bounds of the crop aspect ratio. */
  readonly ratio: readonly [number, number];
  /** The resampling filter. */
  readonly interpolation: InterpolationMode;
  /** Whether tensors are antialiased when downscaled. */
  readonly antialias: boolean;
  readonly #size: SizeArg;
  readonly #input: number | readonly number[];

  constructor(size: number | readonly number[], options: RandomResizedCropOptions = {}) {
    super();
    this.#size = setupSize(size, 'RandomResizedCrop');
    this.size = this.#size.size;
    this.#input = typeof size === 'number' ? size : [...size];
    const scale = checkSequence(options.scale ?? [0.08, 1.0], 'scale', [2], 'RandomResizedCrop');
    const ratio = checkSequence(options.ratio ?? [3 / 4, 4 / 3], 'ratio', [2], 'RandomResizedCrop');
    if (scale[0]! > scale[1]! || ratio[0]! > ratio[1]!) {
      console.warn(`RandomResizedCrop: Scale and ratio should be of kind (min, max), got scale ${pyValue(scale)} and ratio ${pyValue(ratio)}`);
    }
    this.scale = [scale[0]!, scale[1]!];
    this.ratio = [ratio[0]!, ratio[1]!];
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.BILINEAR, 'RandomResizedCrop');
    this.antialias = options.antialias ?? true;
  }

  /**
   * The `[top, left, height, width]` of a random crop of `img` (torchvision's
   * `RandomResizedCrop.get_params`): area uniform in `scale` times the image's, aspect ratio
   * log-uniform in `ratio`, up to 10 tries, then the largest center crop within `ratio`.
   *
   * @example
   * ```ts
   * dl.manualSeed(0);
   * const [i, j, h, w] = RandomResizedCrop.getParams(img, [0.08, 1], [3 / 4, 4 / 3]);
   * ```
   */
  static getParams(img: ImageInput, scale: readonly number[], ratio: readonly number[]): [number, number, number, number] {
    const [, height, width] = imageDimensions(img, 'RandomResizedCrop');
    const area = height * width;
    const logRatio = [Math.fround(Math.log(Math.fround(ratio[0]!))), Math.fround(Math.log(Math.fround(ratio[1]!)))] as const;
    for (let attempt = 0; attempt < 10; attempt++) {
      const targetArea = area * uniform(scale[0]!, scale[1]!);
      const aspectRatio = Math.fround(Math.exp(uniform(logRatio[0], logRatio[1])));
      const w = pyRound(Math.sqrt(targetArea * aspectRatio));
      const h = pyRound(Math.sqrt(targetArea / aspectRatio));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        const i = randInt(0, height - h + 1);
        const j = randInt(0, width - w + 1);
        return [i, j, h, w];
      }
    }
    const inRatio = width / height;
    const lo = Math.min(...ratio);
    const hi = Math.max(...ratio);
    let w: number;
    let h: number;
    if (inRatio < lo) {
      w = width;
      h = pyRound(w / lo);
    } else if (inRatio > hi) {
      h = height;
      w = pyRound(h * hi);
    } else {
      w = width;
      h = height;
    }
    return [Math.floor((height - h) / 2), Math.floor((width - w) / 2), h, w];
  }

  /** Crops a random part of `img` and resizes it with the functional `resizedCrop`. */
  override forward<T extends ImageInput>(img: T): T {
    const [i, j, h, w] = RandomResizedCrop.getParams(img, this.scale, this.ratio);
    return resizedCrop(img, i, j, h, w, this.size, { interpolation: this.interpolation, antialias: this.antialias });
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#input, { scale: this.scale, ratio: this.ratio, interpolation: this.interpolation, antialias: this.antialias }];
  }

  /** `RandomResizedCrop(size=(224, 224), scale=(0.08, 1.0), ratio=(0.75, 1.3333), interpolation=bilinear, antialias=True)`. */
  override toString(): string {
    const round4 = (v: unknown) => pyFloat(pyRound(v as number, 4));
    return (
      `RandomResizedCrop(size=${this.#size.repr}, scale=${pySeq(this.scale, 'tuple', round4)}, ` +
      `ratio=${pySeq(this.ratio, 'tuple', round4)}, interpolation=${this.interpolation}, antialias=${pyValue(this.antialias)})`
    );
  }
}
