import { nn, type Tensor, ValueError } from '@dl/core';
import { makeDivisible } from './internal/make-divisible';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';
import { SqueezeExcitation } from './ops/squeeze-excitation';
import { StochasticDepth } from './ops/stochastic-depth';

/** Builds one EfficientNet block from its config (torchvision's `MBConvConfig.block`). */
export type MBConvBlockFactory = (cnf: MBConvConfig, stochasticDepthProb: number, normLayer: NormLayerFactory) => nn.Module;

/**
 * One stage of EfficientNet's Table 1 (torchvision's `MBConvConfig`): expansion ratio, kernel,
 * first stride, channels (scaled by `widthMult`, multiples of 8) and the number of blocks
 * (scaled by `depthMult`, rounded up).
 *
 * @example
 * ```ts
 * const stage = new MBConvConfig(6, 3, 2, 16, 24, 2); // EfficientNet-B0's second stage
 * ```
 */
export class MBConvConfig {
  expandRatio: number;
  kernel: number;
  stride: number;
  inputChannels: number;
  outChannels: number;
  numLayers: number;
  block: MBConvBlockFactory;

  constructor(expandRatio: number, kernel: number, stride: number, inputChannels: number, outChannels: number, numLayers: number, widthMult = 1.0, depthMult = 1.0, block: MBConvBlockFactory | null = null) {
    this.expandRatio = expandRatio;
    this.kernel = kernel;
    this.stride = stride;
    this.inputChannels = MBConvConfig.adjustChannels(inputChannels, widthMult);
    this.outChannels = MBConvConfig.adjustChannels(outChannels, widthMult);
    this.numLayers = MBConvConfig.adjustDepth(numLayers, depthMult);
    this.block = block ?? ((cnf, p, norm) => new MBConv(cnf, p, norm));
  }

  /** `channels * widthMult` rounded to a multiple of 8, at least `minValue` (torchvision's `adjust_channels`). */
  static adjustChannels(channels: number, widthMult: number, minValue: number | null = null): number {
    return makeDivisible(channels * widthMult, 8, minValue);
  }

  /** `numLayers * depthMult` rounded up (torchvision's `adjust_depth`). */
  static adjustDepth(numLayers: number, depthMult: number): number {
    return Math.ceil(numLayers * depthMult);
  }

  /** A shallow copy (torchvision copies each stage's config per block before adjusting it). */
  clone(): MBConvConfig {
    return Object.assign(Object.create(MBConvConfig.prototype) as MBConvConfig, this);
  }
}

/** Builds EfficientNet's squeeze-and-excitation layer (torchvision's `se_layer`). */
export type MBConvSeFactory = (inputChannels: number, squeezeChannels: number) => nn.Module;

const defaultSe: MBConvSeFactory = (i, s) => new SqueezeExcitation(i, s, { activation: () => new nn.SiLU({ inplace: true }) });

/**
 * EfficientNet's mobile inverted bottleneck (torchvision's `MBConv`): under `block`, an optional
 * 1x1 expansion, a depthwise convolution (both SiLU), squeeze-and-excitation to a quarter of the
 * input channels and a linear 1x1 projection; when the stride is 1 and the channels are kept, the
 * result passes `stochastic_depth` (training only) and is added to the input.
 *
 * @example
 * ```ts
 * const block = new MBConv(new MBConvConfig(6, 3, 1, 24, 24, 1), 0.1, (c) => new nn.BatchNorm2d(c));
 * ```
 */
export class MBConv extends nn.Module {
  useResConnect: boolean;
  block: nn.Sequential;
  stochastic_depth: StochasticDepth;
  outChannels: number;

  constructor(cnf: MBConvConfig, stochasticDepthProb: number, normLayer: NormLayerFactory, seLayer: MBConvSeFactory = defaultSe) {
    super();
    if (!(cnf.stride >= 1 && cnf.stride <= 2)) throw new ValueError(`MBConv: illegal stride value ${cnf.stride} (expected 1 or 2)`);
    this.useResConnect = cnf.stride === 1 && cnf.inputChannels === cnf.outChannels;
    const silu = (o: { inplace?: boolean }) => new nn.SiLU(o);
    const layers: nn.Module[] = [];
    const expanded = MBConvConfig.adjustChannels(cnf.inputChannels, cnf.expandRatio);
    if (expanded !== cnf.inputChannels) layers.push(new Conv2dNormActivation(cnf.inputChannels, expanded, { kernelSize: 1, normLayer, activationLayer: silu }));
    layers.push(
      new Conv2dNormActivation(expanded, expanded, { kernelSize: cnf.kernel, stride: cnf.stride, groups: expanded, normLayer, activationLayer: silu }),
      seLayer(expanded, Math.max(1, Math.floor(cnf.inputChannels / 4))),
      new Conv2dNormActivation(expanded, cnf.outChannels, { kernelSize: 1, normLayer, activationLayer: null }),
    );
    this.block = new nn.Sequential(...layers);
    this.stochastic_depth = new StochasticDepth(stochasticDepthProb, 'row');
    this.outChannels = cnf.outChannels;
  }

  override forward(input: Tensor): Tensor {
    const result = this.block.call(input);
    if (!this.useResConnect) return result;
    return this.stochastic_depth.call(result).add(input);
  }
}
