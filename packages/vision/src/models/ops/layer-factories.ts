import type { nn } from '@dl/core';

/**
 * Builds the normalisation layer that follows a convolution with `numFeatures` output channels
 * (torchvision's `norm_layer` callable, e.g. `nn.BatchNorm2d` or `partial(nn.BatchNorm2d, eps=0.001)`).
 *
 * @example
 * ```ts
 * const normLayer: NormLayerFactory = (c) => new nn.BatchNorm2d(c, { eps: 0.001, momentum: 0.01 });
 * ```
 */
export type NormLayerFactory = (numFeatures: number) => nn.Module;

/**
 * Builds an activation layer (torchvision's `activation_layer` callable such as `nn.ReLU`).
 * `inplace` is passed when the block is asked for it (it only shows in the module's text: results
 * are always computed out of place).
 *
 * @example
 * ```ts
 * const activationLayer: ActivationLayerFactory = (o) => new nn.Hardswish(o);
 * ```
 */
export type ActivationLayerFactory = (options: { inplace?: boolean }) => nn.Module;
