import { Transform } from './transform';
import { pyValue } from './internal/py-repr';
import { randFloat } from './internal/random-draws';
import { checkProbability } from './internal/transform-args';
import { applyTransform, checkTransforms, listRepr, type TransformLike } from './internal/transform-like';

/** Options of {@link RandomApply}. */
export interface RandomApplyOptions {
  /** The probability of applying the transforms. @default 0.5 */
  p?: number;
}

/**
 * Applies a list of transforms, in order, with probability `p`, else none of them (torchvision's
 * `RandomApply`). One draw per call from @dl/core's default generator.
 *
 * @param transforms the transforms (or functions) to apply together.
 * @example
 * ```ts
 * const t = new RandomApply([new ColorJitter({ brightness: 0.4 }), new GaussianBlur(3)], { p: 0.8 });
 * String(new RandomApply([new RandomInvert()])); // 'RandomApply(\n    p=0.5\n    RandomInvert(p=0.5)\n)'
 * ```
 */
export class RandomApply<T = unknown> extends Transform<T, T> {
  /** The transforms, in the order they run. */
  readonly transforms: readonly TransformLike[];
  /** The probability of applying them. */
  readonly p: number;

  constructor(transforms: readonly TransformLike[], options: RandomApplyOptions = {}) {
    super();
    this.transforms = checkTransforms(transforms, 'RandomApply');
    this.p = checkProbability(options.p ?? 0.5, 'RandomApply');
  }

  /** Applies all the transforms unless a uniform draw exceeds `p`. */
  override forward(img: T): T {
    if (this.p < randFloat()) return img;
    let x: unknown = img;
    for (const t of this.transforms) x = applyTransform(t, x);
    return x as T;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.transforms, { p: this.p }];
  }

  /** `RandomApply(\n    p=0.5\n    A()\n)`. */
  override toString(): string {
    return listRepr('RandomApply', this.transforms, [`p=${pyValue(this.p)}`]);
  }
}
