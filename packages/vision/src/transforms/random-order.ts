import { Transform } from './transform';
import { pyShuffle } from './internal/random-draws';
import { applyTransform, checkTransforms, listRepr, type TransformLike } from './internal/transform-like';

/**
 * Applies a list of transforms in a random order (torchvision's `RandomOrder`, which shuffles with
 * Python's `random.shuffle`; here the draws come from @dl/core's default generator).
 *
 * @param transforms the transforms (or functions) to apply.
 * @example
 * ```ts
 * const t = new RandomOrder([new RandomInvert(1), new RandomPosterize(2, { p: 1 })]);
 * ```
 */
export class RandomOrder<T = unknown> extends Transform<T, T> {
  /** The transforms. */
  readonly transforms: readonly TransformLike[];

  constructor(transforms: readonly TransformLike[]) {
    super();
    this.transforms = checkTransforms(transforms, 'RandomOrder');
  }

  /** Applies every transform, in a freshly shuffled order. */
  override forward(img: T): T {
    let x: unknown = img;
    for (const i of pyShuffle(this.transforms.length)) x = applyTransform(this.transforms[i]!, x);
    return x as T;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.transforms];
  }

  /** `RandomOrder(\n    A()\n    B()\n)`. */
  override toString(): string {
    return listRepr('RandomOrder', this.transforms);
  }
}
