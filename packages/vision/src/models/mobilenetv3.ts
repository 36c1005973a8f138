import { ArgumentTypeError, flatten, nn, type Tensor, ValueError } from '@dl/core';
import { initMobileWeights } from './internal/mobile-init';
import { type MobileNetV3ArchOptions, mobilenetV3Conf } from './internal/mobilenetv3-conf';
import { type ClassifierOptions, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { InvertedResidualConfig, MobileNetV3InvertedResidual } from './mobilenetv3-blocks';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';
import { MobileNet_V3_Large_Weights, MobileNet_V3_Small_Weights } from './mobilenetv3-weights';
import type { WeightsEnumMethods } from './weights/weights-enum';

export { InvertedResidualConfig, MobileNetV3InvertedResidual, type MobileNetV3SeFactory } from './mobilenetv3-blocks';
export { MobileNet_V3_Large_Weights, MobileNet_V3_Small_Weights } from './mobilenetv3-weights';
export type { MobileNetV3ArchOptions } from './internal/mobilenetv3-conf';

/** Builds one MobileNetV3 block from its config (torchvision's `block` callable). */
export type MobileNetV3BlockFactory = (cnf: InvertedResidualConfig, normLayer: NormLayerFactory) => nn.Module;

/** Options of {@link MobileNetV3} (torchvision's keyword arguments, camelCased). */
export interface MobileNetV3Options {
  /** Number of output classes. @default 1000 */
  numClasses?: number;
  /** The residual block. @default MobileNetV3InvertedResidual */
  block?: MobileNetV3BlockFactory | null;
  /** The normalisation layer. @default BatchNorm2d with eps 0.001 and momentum 0.01 */
  normLayer?: NormLayerFactory | null;
  /** Dropout probability in the classifier. @default 0.2 */
  dropout?: number;
}

/**
 * MobileNetV3 ("Searching for MobileNetV3"), laid out as torchvision's `MobileNetV3` so its
 * state dicts load key for key: `features` (a hardswish stem, one block per config, a 1x1
 * Conv2dNormActivation to 6x the last block's channels), `avgpool` and `classifier` (Linear to
 * `lastChannel`, Hardswish, Dropout, Linear). Use {@link mobilenet_v3_small} and
 * {@link mobilenet_v3_large} for the paper's configurations and pretrained weights.
 *
 * @example
 * ```ts
 * const cnf = [new InvertedResidualConfig(16, 3, 16, 16, true, 'RE', 2, 1, 1.0)];
 * const model = new MobileNetV3(cnf, 64, { numClasses: 5 });
 * model.eval().forward(dl.randn([1, 3, 32, 32])).shape; // [1, 5]
 * ```
 */
export class MobileNetV3 extends nn.Module {
  features: nn.Sequential;
  avgpool: nn.AdaptiveAvgPool2d;
  classifier: nn.Sequential;

  constructor(invertedResidualSetting: readonly InvertedResidualConfig[], lastChannel: number, options: MobileNetV3Options = {}) {
    super();
    if (!Array.isArray(invertedResidualSetting) || invertedResidualSetting.length === 0) {
      throw new ValueError('MobileNetV3: the invertedResidualSetting should not be empty');
    }
    if (!invertedResidualSetting.every((s) => s instanceof InvertedResidualConfig)) {
      throw new ArgumentTypeError('MobileNetV3: the invertedResidualSetting should be an array of InvertedResidualConfig');
    }
    const block: MobileNetV3BlockFactory = options.block ?? ((cnf, norm) => new MobileNetV3InvertedResidual(cnf, norm));
    const norm = options.normLayer ?? ((c: number) => new nn.BatchNorm2d(c, { eps: 0.001, momentum: 0.01 }));
    const hardswish = (o: { inplace?: boolean }) => new nn.Hardswish(o);
    const layers: nn.Module[] = [new Conv2dNormActivation(3, invertedResidualSetting[0].inputChannels, { kernelSize: 3, stride: 2, normLayer: norm, activationLayer: hardswish })];
    for (const cnf of invertedResidualSetting) layers.push(block(cnf, norm));
    const lastconvInput = invertedResidualSetting[invertedResidualSetting.length - 1].outChannels;
    const lastconvOutput = 6 * lastconvInput;
    layers.push(new Conv2dNormActivation(lastconvInput, lastconvOutput, { kernelSize: 1, normLayer: norm, activationLayer: hardswish }));
    this.features = new nn.Sequential(...layers);
    this.avgpool = new nn.AdaptiveAvgPool2d(1);
    this.classifier = new nn.Sequential(
      new nn.Linear(lastconvOutput, lastChannel),
      new nn.Hardswish({ inplace: true }),
      new nn.Dropout(options.dropout ?? 0.2, { inplace: true }),
      new nn.Linear(lastChannel, options.numClasses ?? 1000),
    );
    initMobileWeights(this, 'normal');
  }

  override forward(x: Tensor): Tensor {
    let y = this.features.call(x);
    y = flatten(this.avgpool.call(y), 1);
    return this.classifier.call(y);
  }
}

/** Options of {@link mobilenet_v3_small} and {@link mobilenet_v3_large}: weights, `numClasses`, the architecture switches and {@link MobileNetV3Options}. */
export type MobileNetV3BuilderOptions<E> = ClassifierOptions<E> & MobileNetV3ArchOptions & Omit<MobileNetV3Options, 'numClasses'>;

async function buildMobileNetV3<E extends WeightsEnumMethods>(arch: 'mobilenet_v3_large' | 'mobilenet_v3_small', weightsEnum: E, options: MobileNetV3BuilderOptions<E>): Promise<MobileNetV3> {
  const { weights: _w, pretrained: _p, progress, numClasses, widthMult, reducedTail, dilated, ...config } = options;
  const weights = resolveWeights(arch, weightsEnum, options, weightsEnum.fromStr('IMAGENET1K_V1'));
  const [setting, lastChannel] = mobilenetV3Conf(arch, { widthMult, reducedTail, dilated });
  const model = new MobileNetV3(setting, lastChannel, { ...config, numClasses: resolveNumClasses(arch, weights, numClasses) });
  if (weights) await loadWeights(model, weights, progress);
  return model;
}

/**
 * MobileNetV3-Large (torchvision's `mobilenet_v3_large`). With `weights` (`'DEFAULT'` =
 * `'IMAGENET1K_V2'`, `'IMAGENET1K_V1'` or a `MobileNet_V3_Large_Weights` entry) the ImageNet
 * weights are downloaded once into the hub cache and loaded; `pretrained: true` loads `IMAGENET1K_V1`.
 *
 * @example
 * ```ts
 * const model = await mobilenet_v3_large({ weights: 'DEFAULT' });
 * const backbone = await mobilenet_v3_large({ dilated: true, reducedTail: true });
 * ```
 */
export function mobilenet_v3_large(options: MobileNetV3BuilderOptions<typeof MobileNet_V3_Large_Weights> = {}): Promise<MobileNetV3> {
  return buildMobileNetV3('mobilenet_v3_large', MobileNet_V3_Large_Weights, options);
}

/**
 * MobileNetV3-Small (torchvision's `mobilenet_v3_small`). With `weights` (`'DEFAULT'` =
 * `'IMAGENET1K_V1'` or a `MobileNet_V3_Small_Weights` entry) the ImageNet weights are downloaded
 * once into the hub cache and loaded.
 *
 * @example
 * ```ts
 * const model = (await mobilenet_v3_small({ weights: 'DEFAULT' })).eval();
 * const scratch = await mobilenet_v3_small({ numClasses: 10 });
 * ```
 */
export function mobilenet_v3_small(options: MobileNetV3BuilderOptions<typeof MobileNet_V3_Small_Weights> = {}): Promise<MobileNetV3> {
  return buildMobileNetV3('mobilenet_v3_small', MobileNet_V3_Small_Weights, options);
}
