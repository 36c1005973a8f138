import { flatten, nn, type Tensor, ValueError } from '@dl/core';
import { type ClassifierOptions, constructModel, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { VGG11_BN_Weights, VGG11_Weights, VGG16_BN_Weights, VGG16_Weights } from './vgg-weights';
import type { WeightsEnumMethods } from './weights/weights-enum';

/** One entry of a VGG configuration: a 3x3 convolution's output channels, or `'M'` for a 2x2 max pool. */
export type VGGLayerSpec = number | 'M';

/**
 * torchvision's VGG configurations: `A` (VGG-11), `B` (VGG-13), `D` (VGG-16), `E` (VGG-19).
 *
 * @example
 * ```ts
 * const features = makeLayers(VGG_CFGS.D, true); // vgg16_bn's features
 * ```
 */
export const VGG_CFGS: Readonly<Record<'A' | 'B' | 'D' | 'E', readonly VGGLayerSpec[]>> = Object.freeze({
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  B: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
});

/**
 * The convolutional part of a VGG from its configuration (torchvision's `make_layers`): each
 * number a 3x3 convolution (+ BatchNorm with `batchNorm`) + ReLU, each `'M'` a 2x2 max pool.
 *
 * @example
 * ```ts
 * const features = makeLayers(VGG_CFGS.A); // vgg11's features: features.0 ... features.20
 * ```
 */
export function makeLayers(cfg: readonly VGGLayerSpec[], batchNorm = false): nn.Sequential {
  const layers: nn.Module[] = [];
  let inChannels = 3;
  for (const v of cfg) {
    if (v === 'M') {
      layers.push(new nn.MaxPool2d(2, { stride: 2 }));
      continue;
    }
    if (!Number.isInteger(v) || v < 1) throw new ValueError(`makeLayers: a layer is a positive channel count or 'M', got ${JSON.stringify(v)}`);
    layers.push(new nn.Conv2d(inChannels, v, 3, { padding: 1 }));
    if (batchNorm) layers.push(new nn.BatchNorm2d(v));
    layers.push(new nn.ReLU({ inplace: true }));
    inChannels = v;
  }
  return new nn.Sequential(...layers);
}

/** Options of {@link VGG}. */
export interface VGGOptions {
  /** The number of output classes. @default 1000 */
  numClasses?: number;
  /** Initialise as torchvision does (Kaiming normal convolutions, N(0, 0.01) linear layers); else PyTorch's defaults. @default true */
  initWeights?: boolean;
  /** Dropout probability in the classifier. @default 0.5 */
  dropout?: number;
}

/**
 * VGG (torchvision's `VGG`, "Very Deep Convolutional Networks for Large-Scale Image Recognition"):
 * `features` (see {@link makeLayers}), a 7x7 adaptive average pool and three linear layers in
 * `classifier` (`classifier.0`, `.3`, `.6`).
 *
 * @example
 * ```ts
 * const model = new VGG(makeLayers(VGG_CFGS.A, true), { numClasses: 10 }); // a VGG-11-BN
 * ```
 */
export class VGG extends nn.Module {
  features: nn.Module;
  avgpool: nn.AdaptiveAvgPool2d;
  classifier: nn.Sequential;

  constructor(features: nn.Module, options: VGGOptions = {}) {
    super();
    const p = options.dropout ?? 0.5;
    this.features = features;
    this.avgpool = new nn.AdaptiveAvgPool2d([7, 7]);
    this.classifier = new nn.Sequential(
      new nn.Linear(512 * 7 * 7, 4096),
      new nn.ReLU({ inplace: true }),
      new nn.Dropout(p),
      new nn.Linear(4096, 4096),
      new nn.ReLU({ inplace: true }),
      new nn.Dropout(p),
      new nn.Linear(4096, options.numClasses ?? 1000),
    );
    if (options.initWeights ?? true) {
      for (const m of this.modules()) {
        if (m instanceof nn.Conv2d) {
          nn.init.kaimingNormal_(m.weight, { mode: 'fanOut', nonlinearity: 'relu' });
          if (m.bias) nn.init.constant_(m.bias, 0);
        } else if (m instanceof nn.BatchNorm2d) {
          if (m.weight) nn.init.constant_(m.weight, 1);
          if (m.bias) nn.init.constant_(m.bias, 0);
        } else if (m instanceof nn.Linear) {
          nn.init.normal_(m.weight, { mean: 0, std: 0.01 });
          if (m.bias) nn.init.constant_(m.bias, 0);
        }
      }
    }
  }

  override forward(x: Tensor): Tensor {
    const f = this.features.call(x) as Tensor;
    return this.classifier.call(flatten(this.avgpool.call(f), 1));
  }
}

/** Options of the VGG builders: the weights options, `numClasses`, `dropout` and `initWeights`. */
export type VGGBuilderOptions<E> = ClassifierOptions<E> & Omit<VGGOptions, 'numClasses'>;

async function buildVGG<E extends WeightsEnumMethods>(
  builder: string,
  cfg: readonly VGGLayerSpec[],
  batchNorm: boolean,
  weightsEnum: E,
  options: VGGBuilderOptions<E>,
): Promise<VGG> {
  const weights = resolveWeights(builder, weightsEnum, options, weightsEnum.fromStr('IMAGENET1K_V1'));
  const numClasses = resolveNumClasses(builder, weights, options.numClasses);
  // Loaded weights overwrite every value, so torchvision skips its own initialisation then.
  const initWeights = weights ? false : options.initWeights;
  const model = constructModel(() => new VGG(makeLayers(cfg, batchNorm), { dropout: options.dropout, initWeights, numClasses }));
  if (weights) await loadWeights(model, weights, options.progress);
  return model;
}

/**
 * VGG-11 (torchvision's `vgg11`, configuration A).
 *
 * @example
 * ```ts
 * const model = await vgg11({ weights: 'DEFAULT' });
 * ```
 */
export function vgg11(options: VGGBuilderOptions<typeof VGG11_Weights> = {}): Promise<VGG> {
  return buildVGG('vgg11', VGG_CFGS.A, false, VGG11_Weights, options);
}

/**
 * VGG-11 with batch normalization (torchvision's `vgg11_bn`).
 *
 * @example
 * ```ts
 * const model = await vgg11_bn({ numClasses: 10 });
 * ```
 */
export function vgg11_bn(options: VGGBuilderOptions<typeof VGG11_BN_Weights> = {}): Promise<VGG> {
  return buildVGG('vgg11_bn', VGG_CFGS.A, true, VGG11_BN_Weights, options);
}

/**
 * VGG-16 (torchvision's `vgg16`, configuration D). `VGG16_Weights.IMAGENET1K_FEATURES` holds
 * feature-extractor weights without a usable classifier (no categories, so `numClasses` is free).
 *
 * @example
 * ```ts
 * const model = await vgg16({ weights: VGG16_Weights.IMAGENET1K_V1 });
 * ```
 */
export function vgg16(options: VGGBuilderOptions<typeof VGG16_Weights> = {}): Promise<VGG> {
  return buildVGG('vgg16', VGG_CFGS.D, false, VGG16_Weights, options);
}

/**
 * VGG-16 with batch normalization (torchvision's `vgg16_bn`).
 *
 * @example
 * ```ts
 * const model = await vgg16_bn({ weights: 'DEFAULT' });
 * ```
 */
export function vgg16_bn(options: VGGBuilderOptions<typeof VGG16_BN_Weights> = {}): Promise<VGG> {
  return buildVGG('vgg16_bn', VGG_CFGS.D, true, VGG16_BN_Weights, options);
}
