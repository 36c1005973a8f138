import { ArgumentTypeError, flatten, nn, type Tensor, ValueError } from '@dl/core';
import { MBConvConfig } from './efficientnet-blocks';
import { EfficientNet_B0_Weights } from './efficientnet-weights';
import { efficientnetBConf } from './internal/efficientnet-conf';
import { initMobileWeights } from './internal/mobile-init';
import { type ClassifierOptions, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';

export { MBConv, MBConvConfig, type MBConvBlockFactory, type MBConvSeFactory } from './efficientnet-blocks';
export { EfficientNet_B0_Weights } from './efficientnet-weights';

/** Options of {@link EfficientNet} (torchvision's keyword arguments, camelCased). */
export interface EfficientNetOptions {
  /** The largest stochastic-depth probability (it grows linearly over the blocks from 0). @default 0.2 */
  stochasticDepthProb?: number;
  /** Number of output classes. @default 1000 */
  numClasses?: number;
  /** The normalisation layer. @default BatchNorm2d */
  normLayer?: NormLayerFactory | null;
  /** Channels of the last 1x1 convolution; `null` means 4x the last stage's. @default null */
  lastChannel?: number | null;
}

const silu = (o: { inplace?: boolean }) => new nn.SiLU(o);

/**
 * EfficientNet ("EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks"),
 * laid out as torchvision's `EfficientNet` so its state dicts load key for key: `features` (a
 * SiLU stem, one Sequential of MBConv blocks per stage, a 1x1 Conv2dNormActivation), `avgpool`
 * and `classifier` (Dropout, Linear). Use {@link efficientnet_b0} for B0 and its weights.
 *
 * @example
 * ```ts
 * const model = new EfficientNet([new MBConvConfig(1, 3, 1, 32, 16, 1)], 0.2, { numClasses: 3 });
 * model.eval().forward(dl.randn([1, 3, 16, 16])).shape; // [1, 3]
 * ```
 */
export class EfficientNet extends nn.Module {
  features: nn.Sequential;
  avgpool: nn.AdaptiveAvgPool2d;
  classifier: nn.Sequential;

  constructor(invertedResidualSetting: readonly MBConvConfig[], dropout: number, options: EfficientNetOptions = {}) {
    super();
    if (!Array.isArray(invertedResidualSetting) || invertedResidualSetting.length === 0) {
      throw new ValueError('EfficientNet: the invertedResidualSetting should not be empty');
    }
    if (!invertedResidualSetting.every((s) => s instanceof MBConvConfig)) {
      throw new ArgumentTypeError('EfficientNet: the invertedResidualSetting should be an array of MBConvConfig');
    }
    const norm = options.normLayer ?? ((c: number) => new nn.BatchNorm2d(c));
    const sdProb = options.stochasticDepthProb ?? 0.2;
    const layers: nn.Module[] = [new Conv2dNormActivation(3, invertedResidualSetting[0].inputChannels, { kernelSize: 3, stride: 2, normLayer: norm, activationLayer: silu })];
    const totalStageBlocks = invertedResidualSetting.reduce((s, c) => s + c.numLayers, 0);
    let stageBlockId = 0;
    for (const cnf of invertedResidualSetting) {
      const stage: nn.Module[] = [];
      for (let i = 0; i < cnf.numLayers; i++) {
        const blockCnf = cnf.clone();
        if (stage.length > 0) {
          blockCnf.inputChannels = blockCnf.outChannels;
          blockCnf.stride = 1;
        }
        // The drop probability grows with the block's depth in the whole network.
        stage.push(blockCnf.block(blockCnf, (sdProb * stageBlockId) / totalStageBlocks, norm));
        stageBlockId++;
      }
      layers.push(new nn.Sequential(...stage));
    }
    const lastconvInput = invertedResidualSetting[invertedResidualSetting.length - 1].outChannels;
    const lastconvOutput = options.lastChannel ?? 4 * lastconvInput;
    layers.push(new Conv2dNormActivation(lastconvInput, lastconvOutput, { kernelSize: 1, normLayer: norm, activationLayer: silu }));
    this.features = new nn.Sequential(...layers);
    this.avgpool = new nn.AdaptiveAvgPool2d(1);
    this.classifier = new nn.Sequential(new nn.Dropout(dropout, { inplace: true }), new nn.Linear(lastconvOutput, options.numClasses ?? 1000));
    initMobileWeights(this, 'uniform');
  }

  override forward(x: Tensor): Tensor {
    let y = this.features.call(x);
    y = flatten(this.avgpool.call(y), 1);
    return this.classifier.call(y);
  }
}

/** Options of {@link efficientnet_b0}: the weights options, `numClasses`, `stochasticDepthProb` and `normLayer`. */
export type EfficientNetBuilderOptions<E> = ClassifierOptions<E> & Omit<EfficientNetOptions, 'numClasses' | 'lastChannel'>;

/**
 * EfficientNet-B0 (torchvision's `efficientnet_b0`: width and depth multipliers 1.0, dropout
 * 0.2). With `weights` (`'DEFAULT'` = `'IMAGENET1K_V1'` or an `EfficientNet_B0_Weights` entry)
 * the ImageNet weights are downloaded once into the hub cache and loaded.
 *
 * @example
 * ```ts
 * const model = await efficientnet_b0({ weights: 'DEFAULT' });
 * const scratch = await efficientnet_b0({ numClasses: 10, stochasticDepthProb: 0.1 });
 * ```
 */
export async function efficientnet_b0(options: EfficientNetBuilderOptions<typeof EfficientNet_B0_Weights> = {}): Promise<EfficientNet> {
  const { weights: _w, pretrained: _p, progress, numClasses, ...config } = options;
  const weights = resolveWeights('efficientnet_b0', EfficientNet_B0_Weights, options, EfficientNet_B0_Weights.IMAGENET1K_V1);
  const model = new EfficientNet(efficientnetBConf(1.0, 1.0), 0.2, { ...config, numClasses: resolveNumClasses('efficientnet_b0', weights, numClasses) });
  if (weights) await loadWeights(model, weights, progress);
  return model;
}
