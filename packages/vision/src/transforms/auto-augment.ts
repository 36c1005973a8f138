import { ValueError } from '@dl/core';
import { imageDimensions, type ImageInput } from './functional/internal/image-input';
import { InterpolationMode } from './functional/interpolation-mode';
import { AutoAugmentPolicy } from './auto-augment-policy';
import { ImageTransform } from './image-transform';
import { applyOp, augmentFill } from './internal/augment-op';
import { AUTO_AUGMENT_SPACE } from './internal/augment-space';
import { augmentFillRepr, checkAugmentFill } from './internal/augment-args';
import { AUTO_AUGMENT_POLICIES, type SubPolicy } from './internal/auto-augment-policies';
import { randFloat, randInt } from './internal/random-draws';
import { checkInterpolation, describeArg } from './internal/transform-args';

/** Options of {@link AutoAugment}. */
export interface AutoAugmentOptions {
  /** How geometric operations resample (tensors: NEAREST or BILINEAR). @default InterpolationMode.NEAREST */
  interpolation?: InterpolationMode;
  /** The value (or one per channel) outside transformed images. @default none (0) */
  fill?: number | readonly number[] | null;
}

/** What {@link AutoAugment.getParams} draws: the sub-policy, a probability for each of its two steps, and their signs (0: negative). */
export type AutoAugmentParams = [policyId: number, probs: [number, number], signs: [number, number]];

const SPACE = new Map(AUTO_AUGMENT_SPACE.map((e) => [e.op, e]));

const POLICY_NAMES: Record<string, string> = { imagenet: 'IMAGENET', cifar10: 'CIFAR10', svhn: 'SVHN' };

/**
 * AutoAugment (Cubuk et al., 2019; torchvision's `AutoAugment`): applies one random sub-policy of
 * two operations, each with its own probability and magnitude, learned on ImageNet, CIFAR-10 or
 * SVHN. Images of mode `L` or `RGB`, or int32 8-bit tensors `[..., 1 or 3, H, W]`. Draws from
 * @dl/core's default generator; a batch shares them.
 *
 * @param policy the policy. @default AutoAugmentPolicy.IMAGENET
 * @example
 * ```ts
 * const t = new Compose([new AutoAugment(AutoAugmentPolicy.CIFAR10), new ToTensor()]);
 * String(new AutoAugment()); // 'AutoAugment(policy=AutoAugmentPolicy.IMAGENET, fill=None)'
 * ```
 */
export class AutoAugment extends ImageTransform {
  /** The policy. */
  readonly policy: AutoAugmentPolicy;
  /** The resampling filter of geometric operations. */
  readonly interpolation: InterpolationMode;
  /** The fill outside transformed images, or null. */
  readonly fill: number | readonly number[] | null;
  /** The policy's sub-policies. */
  readonly policies: readonly SubPolicy[];

  constructor(policy: AutoAugmentPolicy = AutoAugmentPolicy.IMAGENET, options: AutoAugmentOptions = {}) {
    super();
    const policies = AUTO_AUGMENT_POLICIES[policy];
    if (typeof policy !== 'string' || policies === undefined) {
      throw new ValueError(`AutoAugment: The provided policy ${describeArg(policy)} is not recognized (expected one of 'imagenet', 'cifar10', 'svhn')`);
    }
    this.policy = policy;
    this.policies = policies;
    this.interpolation = checkInterpolation(options.interpolation, InterpolationMode.NEAREST, 'AutoAugment');
    this.fill = checkAugmentFill(options.fill, 'AutoAugment');
  }

  /**
   * Draws a sub-policy index below `transformNum`, two probabilities and two signs
   * (torchvision's `AutoAugment.get_params`).
   *
   * @example
   * ```ts
   * const [policyId, probs, signs] = AutoAugment.getParams(25);
   * ```
   */
  static getParams(transformNum: number): AutoAugmentParams {
    const policyId = randInt(0, transformNum);
    const probs: [number, number] = [randFloat(), randFloat()];
    const signs: [number, number] = [randInt(0, 2), randInt(0, 2)];
    return [policyId, probs, signs];
  }

  /** Applies one random sub-policy to `img`. */
  override forward<T extends ImageInput>(img: T): T {
    const [channels, height, width] = imageDimensions(img, 'AutoAugment');
    const fill = augmentFill(img, this.fill, channels);
    const [policyId, probs, signs] = AutoAugment.getParams(this.policies.length);
    let x = img;
    this.policies[policyId]!.forEach(([op, p, magnitudeId], i) => {
      if (probs[i]! <= p) {
        const { magnitudes, signed } = SPACE.get(op)!;
        let magnitude = magnitudes !== null && magnitudeId !== null ? magnitudes(10, height, width)[magnitudeId]! : 0;
        if (signed && signs[i] === 0) magnitude *= -1;
        x = applyOp(x, op, magnitude, this.interpolation, fill);
      }
    });
    return x;
  }

  protected override workerArgs(): readonly unknown[] {
    return [this.policy, { interpolation: this.interpolation, fill: this.fill }];
  }

  /** `AutoAugment(policy=AutoAugmentPolicy.IMAGENET, fill=None)`. */
  override toString(): string {
    return `AutoAugment(policy=AutoAugmentPolicy.${POLICY_NAMES[this.policy]}, fill=${augmentFillRepr(this.fill)})`;
  }
}
