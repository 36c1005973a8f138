import { ArgumentTypeError, ValueError } from '@dl/core';
import { Transform } from './transform';
import { pyValue } from './internal/py-repr';
import { pyChoiceIndex } from './internal/random-draws';
import { describeArg } from './internal/transform-args';
import { applyTransform, checkTransforms, listRepr, type TransformLike } from './internal/transform-like';

/** Options of {@link RandomChoice}. */
export interface RandomChoiceOptions {
  /** Relative weights of the transforms (need not sum to 1). @default equal */
  p?: readonly number[] | null;
}

/**
 * Applies one transform picked at random from a list (torchvision's `RandomChoice`, which picks
 * with Python's `random.choices`; here the draw comes from @dl/core's default generator).
 *
 * @param transforms the transforms (or functions) to pick from.
 * @example
 * ```ts
 * const t = new RandomChoice([new RandomHorizontalFlip(1), new RandomVerticalFlip(1)], { p: [0.7, 0.3] });
 * ```
 */
export class RandomChoice<T = unknown> extends Transform<T, unknown> {
  /** The transforms to pick from. */
  readonly transforms: readonly TransformLike[];
  /** Their weights, or null for equal ones. */
  readonly p: readonly number[] | null;

  constructor(transforms: readonly TransformLike[], options: RandomChoiceOptions = {}) {
    super();
    this.transforms = checkTransforms(transforms, 'RandomChoice');
    const p = options.p ?? null;
    if (p !== null) {
      if (!Array.isArray(p) || p.some((w) => typeof w !== 'number')) throw new ArgumentTypeError(`RandomChoice: Argument p should be a sequence of numbers, got ${describeArg(p)}`);
      if (p.length !== this.transforms.length) {
        throw new ValueError(`RandomChoice: the number of weights p does not match the number of transforms (${p.length} != ${this.transforms.length})`);
      }
      if (p.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new ValueError(`RandomChoice: weights p should be finite non-negative numbers, got ${describeArg(p)}`);
    }
    this.p = p === null ? null : [...p];
  }

  /** Applies one randomly picked transform. */
  override forward(img: T): unknown {
    const i = pyChoiceIndex(this.transforms.length, this.p, 'RandomChoice');
    return applyTransform(this.transforms[i]!, img);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.transforms, { p: this.p }];
  }

  /** `RandomChoice(\n    A()\n    B()\n)(p=None)`, as torchvision prints it. */
  override toString(): string {
    return `${listRepr('RandomChoice', this.transforms)}(p=${pyValue(this.p)})`;
  }
}
