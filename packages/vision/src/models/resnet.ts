import { flatten, nn, type Tensor, ValueError } from '@dl/core';
import { type ClassifierOptions, constructModel, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { BasicBlock, Bottleneck, conv1x1, type ResNetNormLayer } from './resnet-blocks';
import { ResNet18_Weights, ResNet34_Weights, ResNet50_Weights, ResNet101_Weights } from './resnet-weights';
import type { WeightsEnumMethods } from './weights/weights-enum';

/** A residual block class ({@link BasicBlock} or {@link Bottleneck}) as {@link ResNet} takes it. */
export type ResNetBlock = typeof BasicBlock | typeof Bottleneck;

/** Options of {@link ResNet} (torchvision's keyword arguments). */
export interface ResNetOptions {
  /** The number of output classes. @default 1000 */
  numClasses?: number;
  /** Start each residual branch's last norm at zero, so every block begins as the identity. @default false */
  zeroInitResidual?: boolean;
  /** Convolution groups of the bottlenecks (ResNeXt). @default 1 */
  groups?: number;
  /** Bottleneck width per group (Wide ResNet: 128). @default 64 */
  widthPerGroup?: number;
  /** For layer2..layer4: replace the stride-2 downsampling by dilation. @default [false, false, false] */
  replaceStrideWithDilation?: readonly [boolean, boolean, boolean] | null;
  /** The normalisation layer. @default BatchNorm2d */
  normLayer?: ResNetNormLayer;
}

/**
 * ResNet (torchvision's `ResNet`, "Deep Residual Learning for Image Recognition"): a 7x7 stem,
 * four stages of residual blocks, global average pooling and a linear head `fc`. Module names
 * match torchvision's, so its state dicts load key for key, and parameters are initialised as
 * torchvision does (Kaiming normal, fan-out, for convolutions; norms at 1 and 0). Replace the head
 * for transfer learning by assigning `model.fc`.
 *
 * @example
 * ```ts
 * const model = new ResNet(BasicBlock, [2, 2, 2, 2], { numClasses: 10 }); // a ResNet-18
 * for (const p of model.layer1.parameters()) p.requiresGrad = false;
 * model.fc = new nn.Linear(512, 2);
 * ```
 */
export class ResNet extends nn.Module {
  conv1: nn.Conv2d;
  bn1: nn.Module;
  relu: nn.ReLU;
  maxpool: nn.MaxPool2d;
  layer1: nn.Sequential;
  layer2: nn.Sequential;
  layer3: nn.Sequential;
  layer4: nn.Sequential;
  avgpool: nn.AdaptiveAvgPool2d;
  /** The classifier head; assign a new `nn.Linear` to fine-tune for other classes. */
  fc: nn.Linear;
  /** @internal channels entering the next stage while building */
  declare private inplanes: number;
  /** @internal current dilation while building */
  declare private dilation: number;

  constructor(block: ResNetBlock, layers: readonly [number, number, number, number], options: ResNetOptions = {}) {
    super();
    const numClasses = options.numClasses ?? 1000;
    const groups = options.groups ?? 1;
    const baseWidth = options.widthPerGroup ?? 64;
    const normLayer = options.normLayer ?? ((c: number) => new nn.BatchNorm2d(c));
    const dilate = options.replaceStrideWithDilation ?? [false, false, false];
    if (!Array.isArray(layers) || layers.length !== 4 || !layers.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new ValueError(`ResNet: layers must be 4 positive block counts, got ${JSON.stringify(layers)}`);
    }
    if (dilate.length !== 3) {
      throw new ValueError(`ResNet: replaceStrideWithDilation should be null or a 3-element array, got ${JSON.stringify(dilate)}`);
    }
    Object.defineProperty(this, 'inplanes', { value: 64, writable: true, enumerable: false });
    Object.defineProperty(this, 'dilation', { value: 1, writable: true, enumerable: false });
    const stage = (planes: number, blocks: number, stride: number, dilateStage: boolean): nn.Sequential => {
      const previousDilation = this.dilation;
      let s = stride;
      if (dilateStage) {
        this.dilation *= s;
        s = 1;
      }
      let downsample: nn.Module | null = null;
      if (s !== 1 || this.inplanes !== planes * block.expansion) {
        downsample = new nn.Sequential(conv1x1(this.inplanes, planes * block.expansion, s), normLayer(planes * block.expansion));
      }
      const out: nn.Module[] = [new block(this.inplanes, planes, { stride: s, downsample, groups, baseWidth, dilation: previousDilation, normLayer })];
      this.inplanes = planes * block.expansion;
      for (let i = 1; i < blocks; i++) out.push(new block(this.inplanes, planes, { groups, baseWidth, dilation: this.dilation, normLayer }));
      return new nn.Sequential(...out);
    };
    this.conv1 = new nn.Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false });
    this.bn1 = normLayer(64);
    this.relu = new nn.ReLU({ inplace: true });
    this.maxpool = new nn.MaxPool2d(3, { stride: 2, padding: 1 });
    this.layer1 = stage(64, layers[0], 1, false);
    this.layer2 = stage(128, layers[1], 2, dilate[0]);
    this.layer3 = stage(256, layers[2], 2, dilate[1]);
    this.layer4 = stage(512, layers[3], 2, dilate[2]);
    this.avgpool = new nn.AdaptiveAvgPool2d([1, 1]);
    this.fc = new nn.Linear(512 * block.expansion, numClasses);

    for (const m of this.modules()) {
      if (m instanceof nn.Conv2d) nn.init.kaimingNormal_(m.weight, { mode: 'fanOut', nonlinearity: 'relu' });
      else if (m instanceof nn.BatchNorm2d || m instanceof nn.GroupNorm) {
        if (m.weight) nn.init.constant_(m.weight, 1);
        if (m.bias) nn.init.constant_(m.bias, 0);
      }
    }
    if (options.zeroInitResidual) {
      for (const m of this.modules()) {
        const last = m instanceof Bottleneck ? m.bn3 : m instanceof BasicBlock ? m.bn2 : null;
        const weight = (last as { weight?: unknown } | null)?.weight;
        if (weight instanceof nn.Parameter) nn.init.constant_(weight, 0);
      }
    }
  }

  override forward(x: Tensor): Tensor {
    let y = this.maxpool.call(this.relu.call(this.bn1.call(this.conv1.call(x)) as Tensor));
    y = this.layer4.call(this.layer3.call(this.layer2.call(this.layer1.call(y))));
    return this.fc.call(flatten(this.avgpool.call(y), 1));
  }
}

/**
 * The block type and per-stage block counts of torchvision's ResNets.
 *
 * @example
 * ```ts
 * const [block, layers] = RESNET_LAYERS.resnet50; // [Bottleneck, [3, 4, 6, 3]]
 * const model = new ResNet(block, layers, { numClasses: 10 });
 * ```
 */
export const RESNET_LAYERS: Readonly<Record<'resnet18' | 'resnet34' | 'resnet50' | 'resnet101', readonly [ResNetBlock, readonly [number, number, number, number]]>> =
  Object.freeze({
    resnet18: [BasicBlock, [2, 2, 2, 2]],
    resnet34: [BasicBlock, [3, 4, 6, 3]],
    resnet50: [Bottleneck, [3, 4, 6, 3]],
    resnet101: [Bottleneck, [3, 4, 23, 3]],
  });

/** Options of the ResNet builders: the weights options, `numClasses` and {@link ResNetOptions}. */
export type ResNetBuilderOptions<E> = ClassifierOptions<E> & Omit<ResNetOptions, 'numClasses'>;

async function buildResNet<E extends WeightsEnumMethods>(builder: keyof typeof RESNET_LAYERS, weightsEnum: E, options: ResNetBuilderOptions<E>): Promise<ResNet> {
  const [block, layers] = RESNET_LAYERS[builder];
  const { weights: _w, pretrained: _p, progress, numClasses, ...config } = options;
  const weights = resolveWeights(builder, weightsEnum, options, weightsEnum.fromStr('IMAGENET1K_V1'));
  const classes = resolveNumClasses(builder, weights, numClasses);
  const model = constructModel(() => new ResNet(block, layers, { ...config, numClasses: classes }));
  if (weights) await loadWeights(model, weights, progress);
  return model;
}

/**
 * ResNet-18 (torchvision's `resnet18`). With `weights` (`'DEFAULT'`, `'IMAGENET1K_V1'` or
 * `ResNet18_Weights.IMAGENET1K_V1`) the ImageNet weights are downloaded once into the hub cache
 * and loaded; without, the model is randomly initialised.
 *
 * @example
 * ```ts
 * const model = await resnet18({ weights: 'DEFAULT' });
 * const scratch = await resnet18({ numClasses: 10 });
 * ```
 */
export function resnet18(options: ResNetBuilderOptions<typeof ResNet18_Weights> = {}): Promise<ResNet> {
  return buildResNet('resnet18', ResNet18_Weights, options);
}

/**
 * ResNet-34 (torchvision's `resnet34`); see {@link resnet18} for the options.
 *
 * @example
 * ```ts
 * const model = await resnet34({ weights: ResNet34_Weights.IMAGENET1K_V1 });
 * ```
 */
export function resnet34(options: ResNetBuilderOptions<typeof ResNet34_Weights> = {}): Promise<ResNet> {
  return buildResNet('resnet34', ResNet34_Weights, options);
}

/**
 * ResNet-50 (torchvision's `resnet50`, bottleneck blocks); `DEFAULT` weights are `IMAGENET1K_V2`.
 *
 * @example
 * ```ts
 * const model = await resnet50({ weights: 'IMAGENET1K_V2' });
 * ```
 */
export function resnet50(options: ResNetBuilderOptions<typeof ResNet50_Weights> = {}): Promise<ResNet> {
  return buildResNet('resnet50', ResNet50_Weights, options);
}

/**
 * ResNet-101 (torchvision's `resnet101`); `DEFAULT` weights are `IMAGENET1K_V2`.
 *
 * @example
 * ```ts
 * const model = await resnet101({ weights: 'DEFAULT' });
 * ```
 */
export function resnet101(options: ResNetBuilderOptions<typeof ResNet101_Weights> = {}): Promise<ResNet> {
  return buildResNet('resnet101', ResNet101_Weights, options);
}
