import { nn, type Tensor, ValueError } from '@dl/core';
import { makeDivisible } from './internal/make-divisible';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';
import { SqueezeExcitation } from './ops/squeeze-excitation';

/**
 * One row of MobileNetV3's Tables 1 and 2 (torchvision's `InvertedResidualConfig`): channel
 * counts (scaled by `widthMult` and rounded to multiples of 8), kernel size, squeeze-and-excitation,
 * activation (`'HS'` hardswish or `'RE'` ReLU), stride and dilation.
 *
 * @example
 * ```ts
 * const cnf = new InvertedResidualConfig(16, 3, 72, 24, false, 'RE', 2, 1, 1.0);
 * ```
 */
export class InvertedResidualConfig {
  inputChannels: number;
  kernel: number;
  expandedChannels: number;
  outChannels: number;
  useSe: boolean;
  useHs: boolean;
  stride: number;
  dilation: number;

  constructor(inputChannels: number, kernel: number, expandedChannels: number, outChannels: number, useSe: boolean, activation: 'HS' | 'RE', stride: number, dilation: number, widthMult: number) {
    this.inputChannels = InvertedResidualConfig.adjustChannels(inputChannels, widthMult);
    this.kernel = kernel;
    this.expandedChannels = InvertedResidualConfig.adjustChannels(expandedChannels, widthMult);
    this.outChannels = InvertedResidualConfig.adjustChannels(outChannels, widthMult);
    this.useSe = useSe;
    this.useHs = activation === 'HS';
    this.stride = stride;
    this.dilation = dilation;
  }

  /** `channels * widthMult` rounded to a multiple of 8 (torchvision's `adjust_channels`). */
  static adjustChannels(channels: number, widthMult: number): number {
    return makeDivisible(channels * widthMult, 8);
  }
}

/** Builds MobileNetV3's squeeze-and-excitation layer (torchvision's `se_layer`). */
export type MobileNetV3SeFactory = (inputChannels: number, squeezeChannels: number) => nn.Module;

const defaultSe: MobileNetV3SeFactory = (i, s) => new SqueezeExcitation(i, s, { scaleActivation: () => new nn.Hardsigmoid() });

/**
 * MobileNetV3's inverted residual block (torchvision's `mobilenetv3.InvertedResidual`; shown as
 * `InvertedResidual`): under `block`, an optional 1x1 expansion, a depthwise convolution, an
 * optional squeeze-and-excitation (hard-sigmoid gate) and a linear 1x1 projection; a skip
 * connection when the stride is 1 and the channel count is kept.
 *
 * @example
 * ```ts
 * const cnf = new InvertedResidualConfig(24, 3, 88, 24, false, 'RE', 1, 1, 1.0);
 * const block = new MobileNetV3InvertedResidual(cnf, (c) => new nn.BatchNorm2d(c, { eps: 0.001, momentum: 0.01 }));
 * ```
 */
export class MobileNetV3InvertedResidual extends nn.Module {
  useResConnect: boolean;
  block: nn.Sequential;
  outChannels: number;

  constructor(cnf: InvertedResidualConfig, normLayer: NormLayerFactory, seLayer: MobileNetV3SeFactory = defaultSe) {
    super();
    if (!(cnf.stride >= 1 && cnf.stride <= 2)) throw new ValueError(`InvertedResidual: illegal stride value ${cnf.stride} (expected 1 or 2)`);
    this.useResConnect = cnf.stride === 1 && cnf.inputChannels === cnf.outChannels;
    const activationLayer = cnf.useHs ? (o: { inplace?: boolean }) => new nn.Hardswish(o) : (o: { inplace?: boolean }) => new nn.ReLU(o);
    const layers: nn.Module[] = [];
    if (cnf.expandedChannels !== cnf.inputChannels) {
      layers.push(new Conv2dNormActivation(cnf.inputChannels, cnf.expandedChannels, { kernelSize: 1, normLayer, activationLayer }));
    }
    layers.push(
      new Conv2dNormActivation(cnf.expandedChannels, cnf.expandedChannels, {
        kernelSize: cnf.kernel,
        stride: cnf.dilation > 1 ? 1 : cnf.stride,
        dilation: cnf.dilation,
        groups: cnf.expandedChannels,
        normLayer,
        activationLayer,
      }),
    );
    if (cnf.useSe) layers.push(seLayer(cnf.expandedChannels, makeDivisible(Math.floor(cnf.expandedChannels / 4), 8)));
    layers.push(new Conv2dNormActivation(cnf.expandedChannels, cnf.outChannels, { kernelSize: 1, normLayer, activationLayer: null }));
    this.block = new nn.Sequential(...layers);
    this.outChannels = cnf.outChannels;
  }

  override forward(input: Tensor): Tensor {
    const result = this.block.call(input);
    return this.useResConnect ? result.add(input) : result;
  }

  override _getName(): string {
    return 'InvertedResidual';
  }
}
