import { adaptiveAvgPool2d, flatten, nn, type Tensor, ValueError } from '@dl/core';
import { makeDivisible } from './internal/make-divisible';
import { type ClassifierOptions, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { initMobileWeights } from './internal/mobile-init';
import { MobileNetV2InvertedResidual } from './mobilenetv2-blocks';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';
import { MobileNet_V2_Weights } from './mobilenetv2-weights';

export { MobileNetV2InvertedResidual } from './mobilenetv2-blocks';
export { MobileNet_V2_Weights } from './mobilenetv2-weights';

/** Builds one MobileNetV2 block (torchvision's `block` callable, `InvertedResidual` by default). */
export type MobileNetV2BlockFactory = (inp: number, oup: number, stride: number, expandRatio: number, normLayer: NormLayerFactory) => nn.Module;

/** Options of {@link MobileNetV2} (torchvision's keyword arguments, camelCased). */
export interface MobileNetV2Options {
  /** Number of output classes. @default 1000 */
  numClasses?: number;
  /** Scales every layer's channel count. @default 1.0 */
  widthMult?: number;
  /** Rows `[t, c, n, s]`: expansion, channels, repeats, first stride. @default the paper's table */
  invertedResidualSetting?: readonly (readonly number[])[] | null;
  /** Channel counts are rounded to multiples of this (1 turns rounding off). @default 8 */
  roundNearest?: number;
  /** The residual block. @default MobileNetV2InvertedResidual */
  block?: MobileNetV2BlockFactory | null;
  /** The normalisation layer. @default BatchNorm2d */
  normLayer?: NormLayerFactory | null;
  /** Dropout probability before the last Linear. @default 0.2 */
  dropout?: number;
}

const DEFAULT_SETTING: readonly (readonly number[])[] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

/**
 * MobileNetV2 ("MobileNetV2: Inverted Residuals and Linear Bottlenecks"), laid out as
 * torchvision's `MobileNetV2` so its state dicts load key for key: `features` (a stem
 * Conv2dNormActivation, the inverted residual blocks and a 1x1 Conv2dNormActivation to
 * `lastChannel`), then global average pooling and `classifier` (Dropout, Linear).
 * Initialised as torchvision does. Use {@link mobilenet_v2} for pretrained weights.
 *
 * @example
 * ```ts
 * const model = new MobileNetV2({ numClasses: 10 }).eval();
 * model.forward(dl.randn([1, 3, 64, 64])).shape; // [1, 10]
 * ```
 */
export class MobileNetV2 extends nn.Module {
  /** Channels entering the classifier (torchvision's `last_channel`). */
  lastChannel: number;
  features: nn.Sequential;
  classifier: nn.Sequential;

  constructor(options: MobileNetV2Options = {}) {
    super();
    const widthMult = options.widthMult ?? 1.0;
    const roundNearest = options.roundNearest ?? 8;
    const block: MobileNetV2BlockFactory = options.block ?? ((i, o, s, t, n) => new MobileNetV2InvertedResidual(i, o, s, t, n));
    const norm = options.normLayer ?? ((c: number) => new nn.BatchNorm2d(c));
    const setting = options.invertedResidualSetting ?? DEFAULT_SETTING;
    if (!Array.isArray(setting) || setting.length === 0 || !Array.isArray(setting[0]) || setting[0].length !== 4) {
      throw new ValueError(`MobileNetV2: invertedResidualSetting should be non-empty or a 4-element list, got ${JSON.stringify(setting)}`);
    }
    let inputChannel = makeDivisible(32 * widthMult, roundNearest);
    this.lastChannel = makeDivisible(1280 * Math.max(1.0, widthMult), roundNearest);
    const relu6 = (o: { inplace?: boolean }) => new nn.ReLU6(o);
    const features: nn.Module[] = [new Conv2dNormActivation(3, inputChannel, { stride: 2, normLayer: norm, activationLayer: relu6 })];
    for (const [t, c, n, s] of setting) {
      const outputChannel = makeDivisible(c * widthMult, roundNearest);
      for (let i = 0; i < n; i++) {
        features.push(block(inputChannel, outputChannel, i === 0 ? s : 1, t, norm));
        inputChannel = outputChannel;
      }
    }
    features.push(new Conv2dNormActivation(inputChannel, this.lastChannel, { kernelSize: 1, normLayer: norm, activationLayer: relu6 }));
    this.features = new nn.Sequential(...features);
    this.classifier = new nn.Sequential(new nn.Dropout(options.dropout ?? 0.2), new nn.Linear(this.lastChannel, options.numClasses ?? 1000));
    initMobileWeights(this, 'normal');
  }

  override forward(x: Tensor): Tensor {
    let y = this.features.call(x);
    y = flatten(adaptiveAvgPool2d(y, [1, 1]), 1);
    return this.classifier.call(y);
  }
}

/** Options of {@link mobilenet_v2}: the weights options, `numClasses` and {@link MobileNetV2Options}. */
export type MobileNetV2BuilderOptions = ClassifierOptions<typeof MobileNet_V2_Weights> & Omit<MobileNetV2Options, 'numClasses'>;

/**
 * MobileNetV2 (torchvision's `mobilenet_v2`). With `weights` (`'DEFAULT'` = `'IMAGENET1K_V2'`,
 * `'IMAGENET1K_V1'` or a `MobileNet_V2_Weights` entry) the ImageNet weights are downloaded once
 * into the hub cache and loaded; the legacy `pretrained: true` loads `IMAGENET1K_V1`.
 *
 * @example
 * ```ts
 * const model = await mobilenet_v2({ weights: 'DEFAULT' });
 * const small = await mobilenet_v2({ numClasses: 10, widthMult: 0.5 });
 * ```
 */
export async function mobilenet_v2(options: MobileNetV2BuilderOptions = {}): Promise<MobileNetV2> {
  const { weights: _w, pretrained: _p, progress, numClasses, ...config } = options;
  const weights = resolveWeights('mobilenet_v2', MobileNet_V2_Weights, options, MobileNet_V2_Weights.IMAGENET1K_V1);
  const model = new MobileNetV2({ ...config, numClasses: resolveNumClasses('mobilenet_v2', weights, numClasses) });
  if (weights) await loadWeights(model, weights, progress);
  return model;
}
