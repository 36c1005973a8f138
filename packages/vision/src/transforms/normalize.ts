import { ArgumentTypeError, ValueError, type Tensor } from '@dl/core';
import { normalize } from './functional/normalize';
import { pyValue } from './internal/py-repr';
import { describeArg } from './internal/transform-args';
import { Transform } from './transform';

/** Options of {@link Normalize}. */
export interface NormalizeOptions {
  /** Change the input tensor itself instead of returning a new one. @default false */
  inplace?: boolean;
}

function channelList(values: unknown, name: string): readonly number[] {
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ArgumentTypeError(`Normalize: ${name} should be a non-empty array of finite numbers (one per channel), got ${describeArg(values)}`);
  }
  return [...values] as number[];
}

/**
 * Normalizes a float tensor image per channel: `output[c] = (input[c] - mean[c]) / std[c]`
 * (torchvision's `Normalize`). Tensors only (`[..., C, H, W]`); put `ToTensor` before it for
 * Images. Out of place unless `inplace`.
 *
 * @param mean one mean per channel (or one for all).
 * @param std one standard deviation per channel (or one for all); none may be zero.
 * @example
 * ```ts
 * const t = new Compose([new ToTensor(), new Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])]);
 * ```
 */
export class Normalize extends Transform<Tensor, Tensor> {
  /** The per-channel means. */
  readonly mean: readonly number[];
  /** The per-channel standard deviations. */
  readonly std: readonly number[];
  /** Whether the input tensor is changed in place. */
  readonly inplace: boolean;

  constructor(mean: readonly number[], std: readonly number[], options: NormalizeOptions = {}) {
    super();
    this.mean = channelList(mean, 'mean');
    this.std = channelList(std, 'std');
    // torchvision finds this when called; a zero std is known here already.
    if (this.std.some((s) => Math.fround(s) === 0)) {
      throw new ValueError(`Normalize: std evaluated to zero after conversion to float32, leading to division by zero (std ${pyValue(this.std)})`);
    }
    this.inplace = options.inplace ?? false;
  }

  /** Normalizes `tensor` with the functional `normalize`. */
  override forward(tensor: Tensor): Tensor {
    return normalize(tensor, this.mean, this.std, this.inplace);
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.mean, this.std, { inplace: this.inplace }];
  }

  /** `Normalize(mean=[0.5], std=[0.5])`. */
  override toString(): string {
    return `Normalize(mean=${pyValue(this.mean)}, std=${pyValue(this.std)})`;
  }
}
