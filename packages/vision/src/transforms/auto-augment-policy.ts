/**
 * The AutoAugment policies learned on ImageNet, CIFAR-10 and SVHN (torchvision's
 * `AutoAugmentPolicy`), a string enum: `AutoAugmentPolicy.CIFAR10 === 'cifar10'`.
 *
 * @example
 * ```ts
 * const t = new AutoAugment(AutoAugmentPolicy.CIFAR10);
 * ```
 */
export const AutoAugmentPolicy = {
  IMAGENET: 'imagenet',
  CIFAR10: 'cifar10',
  SVHN: 'svhn',
} as const;

/** One of the {@link AutoAugmentPolicy} values: `'imagenet' | 'cifar10' | 'svhn'`. */
export type AutoAugmentPolicy = (typeof AutoAugmentPolicy)[keyof typeof AutoAugmentPolicy];
