import { ValueError } from '@dl/core';
import { gaussianBlur } from './functional/gaussian-blur';
import type { ImageInput } from './functional/internal/image-input';
import { ImageTransform } from './image-transform';
import { pyFloats, pySeq } from './internal/py-repr';
import { uniform } from './internal/random-draws';
import { describeArg, setupSize, type SizeArg } from './internal/transform-args';

/** Options of {@link GaussianBlur}. */
export interface GaussianBlurOptions {
  /** The standard deviation: a fixed positive number, or `[min, max]` to draw it from. @default [0.1, 2.0] */
  sigma?: number | readonly [number, number];
}

/**
 * Blurs an image with a Gaussian kernel whose standard deviation is drawn uniformly from `sigma`
 * (torchvision's `GaussianBlur`). One sigma per call (a batch shares it), from @dl/core's default
 * generator.
 *
 * @param kernelSize the kernel's size: an odd positive number, or `[kx, ky]`.
 * @example
 * ```ts
 * const t = new GaussianBlur(5, { sigma: [0.1, 2] });
 * String(new GaussianBlur(3)); // 'GaussianBlur(kernel_size=(3, 3), sigma=(0.1, 2.0))'
 * ```
 */
export class GaussianBlur extends ImageTransform {
  /** `[kx, ky]`. */
  readonly kernelSize: readonly [number, number];
  /** `[min, max]` of sigma. */
  readonly sigma: readonly [number, number];
  readonly #kernel: SizeArg;
  readonly #kernelInput: number | readonly number[];
  readonly #sigmaInput: number | readonly number[] | undefined;
  readonly #sigmaRepr: string;

  constructor(kernelSize: number | readonly number[], options: GaussianBlurOptions = {}) {
    super();
    this.#kernel = setupSize(kernelSize, 'GaussianBlur', 'kernelSize', 'Kernel size should be a tuple/list of two integers.');
    this.kernelSize = this.#kernel.size;
    this.#kernelInput = typeof kernelSize === 'number' ? kernelSize : [...kernelSize];
    for (const ks of this.kernelSize) {
      if (!Number.isInteger(ks) || ks <= 0 || ks % 2 === 0) {
        throw new ValueError(`GaussianBlur: Kernel size value should be an odd and positive number, got ${describeArg(kernelSize)}`);
      }
    }
    const sigma = options.sigma;
    this.#sigmaInput = sigma === undefined ? undefined : typeof sigma === 'number' ? sigma : [...sigma];
    if (sigma === undefined) {
      this.sigma = [0.1, 2.0];
      this.#sigmaRepr = pyFloats(this.sigma, 'tuple');
    } else if (typeof sigma === 'number') {
      if (!(sigma > 0)) throw new ValueError(`GaussianBlur: If sigma is a single number, it must be positive, got ${sigma}`);
      this.sigma = [sigma, sigma];
      this.#sigmaRepr = pySeq(this.sigma, 'tuple');
    } else if (Array.isArray(sigma) && sigma.length === 2 && sigma.every((s) => typeof s === 'number')) {
      if (!(sigma[0] > 0 && sigma[0] <= sigma[1])) {
        throw new ValueError(`GaussianBlur: sigma values should be positive and of the form (min, max), got ${describeArg(sigma)}`);
      }
      this.sigma = [sigma[0], sigma[1]];
      this.#sigmaRepr = pySeq(this.sigma, 'list');
    } else {
      throw new ValueError(`GaussianBlur: sigma should be a single number or a list/tuple with length 2, got ${describeArg(sigma)}`);
    }
  }

  /**
   * A sigma drawn uniformly from `[sigmaMin, sigmaMax]` (torchvision's `GaussianBlur.get_params`).
   *
   * @example
   * ```ts
   * const sigma = GaussianBlur.getParams(0.1, 2.0);
   * ```
   */
  static getParams(sigmaMin: number, sigmaMax: number): number {
    return uniform(sigmaMin, sigmaMax);
  }

  /** Blurs `img` with a random sigma through the functional `gaussianBlur`. */
  override forward<T extends ImageInput>(img: T): T {
    const sigma = GaussianBlur.getParams(this.sigma[0], this.sigma[1]);
    return gaussianBlur(img, [this.kernelSize[0], this.kernelSize[1]], [sigma, sigma]);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.#kernelInput, this.#sigmaInput === undefined ? {} : { sigma: this.#sigmaInput }];
  }

  /** `GaussianBlur(kernel_size=(3, 3), sigma=(0.1, 2.0))`. */
  override toString(): string {
    return `GaussianBlur(kernel_size=${this.#kernel.repr}, sigma=${this.#sigmaRepr})`;
  }
}
