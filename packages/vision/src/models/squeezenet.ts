import { cat, flatten, nn, type Tensor, ValueError } from '@dl/core';
import { type ClassifierOptions, constructModel, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { SqueezeNet1_0_Weights, SqueezeNet1_1_Weights } from './squeezenet-weights';
import type { WeightsEnumMethods } from './weights/weights-enum';

/**
 * SqueezeNet's Fire module (torchvision's `Fire`): a 1x1 squeeze convolution, then 1x1 and 3x3
 * expand convolutions whose ReLU outputs are concatenated along the channels.
 *
 * @example
 * ```ts
 * const fire = new Fire(96, 16, 64, 64);
 * fire.forward(dl.randn([1, 96, 8, 8])).shape; // [1, 128, 8, 8]
 * ```
 */
export class Fire extends nn.Module {
  /** Input channels. */
  inplanes: number;
  squeeze: nn.Conv2d;
  squeeze_activation: nn.ReLU;
  expand1x1: nn.Conv2d;
  expand1x1_activation: nn.ReLU;
  expand3x3: nn.Conv2d;
  expand3x3_activation: nn.ReLU;

  constructor(inplanes: number, squeezePlanes: number, expand1x1Planes: number, expand3x3Planes: number) {
    super();
    this.inplanes = inplanes;
    this.squeeze = new nn.Conv2d(inplanes, squeezePlanes, 1);
    this.squeeze_activation = new nn.ReLU({ inplace: true });
    this.expand1x1 = new nn.Conv2d(squeezePlanes, expand1x1Planes, 1);
    this.expand1x1_activation = new nn.ReLU({ inplace: true });
    this.expand3x3 = new nn.Conv2d(squeezePlanes, expand3x3Planes, 3, { padding: 1 });
    this.expand3x3_activation = new nn.ReLU({ inplace: true });
  }

  override forward(x: Tensor): Tensor {
    const s = this.squeeze_activation.call(this.squeeze.call(x));
    return cat([this.expand1x1_activation.call(this.expand1x1.call(s)), this.expand3x3_activation.call(this.expand3x3.call(s))], 1);
  }
}

/** The SqueezeNet variants torchvision builds. */
export type SqueezeNetVersion = '1_0' | '1_1';

/** Options of {@link SqueezeNet}. */
export interface SqueezeNetOptions {
  /** The number of output classes. @default 1000 */
  numClasses?: number;
  /** Dropout probability before the final convolution. @default 0.5 */
  dropout?: number;
}

/**
 * SqueezeNet 1.0 / 1.1 (torchvision's `SqueezeNet`, "SqueezeNet: AlexNet-level accuracy with 50x
 * fewer parameters"): Fire modules and a convolutional classifier (`classifier.1`) averaged over
 * the image. Initialised as torchvision does (Kaiming uniform; the final convolution N(0, 0.01)).
 *
 * @example
 * ```ts
 * const model = new SqueezeNet('1_1', { numClasses: 10 });
 * model.eval().forward(dl.randn([1, 3, 64, 64])).shape; // [1, 10]
 * ```
 */
export class SqueezeNet extends nn.Module {
  /** The number of output classes. */
  numClasses: number;
  features: nn.Sequential;
  classifier: nn.Sequential;

  constructor(version: SqueezeNetVersion = '1_0', options: SqueezeNetOptions = {}) {
    super();
    this.numClasses = options.numClasses ?? 1000;
    const relu = () => new nn.ReLU({ inplace: true });
    const pool = () => new nn.MaxPool2d(3, { stride: 2, ceilMode: true });
    if (version === '1_0') {
      this.features = new nn.Sequential(
        new nn.Conv2d(3, 96, 7, { stride: 2 }),
        relu(),
        pool(),
        new Fire(96, 16, 64, 64),
        new Fire(128, 16, 64, 64),
        new Fire(128, 32, 128, 128),
        pool(),
        new Fire(256, 32, 128, 128),
        new Fire(256, 48, 192, 192),
        new Fire(384, 48, 192, 192),
        new Fire(384, 64, 256, 256),
        pool(),
        new Fire(512, 64, 256, 256),
      );
    } else if (version === '1_1') {
      this.features = new nn.Sequential(
        new nn.Conv2d(3, 64, 3, { stride: 2 }),
        relu(),
        pool(),
        new Fire(64, 16, 64, 64),
        new Fire(128, 16, 64, 64),
        pool(),
        new Fire(128, 32, 128, 128),
        new Fire(256, 32, 128, 128),
        pool(),
        new Fire(256, 48, 192, 192),
        new Fire(384, 48, 192, 192),
        new Fire(384, 64, 256, 256),
        new Fire(512, 64, 256, 256),
      );
    } else {
      throw new ValueError(`SqueezeNet: Unsupported SqueezeNet version ${String(version)}: 1_0 or 1_1 expected`);
    }
    const finalConv = new nn.Conv2d(512, this.numClasses, 1);
    this.classifier = new nn.Sequential(new nn.Dropout(options.dropout ?? 0.5), finalConv, relu(), new nn.AdaptiveAvgPool2d([1, 1]));

    for (const m of this.modules()) {
      if (!(m instanceof nn.Conv2d)) continue;
      if (m === finalConv) nn.init.normal_(m.weight, { mean: 0, std: 0.01 });
      else nn.init.kaimingUniform_(m.weight);
      if (m.bias) nn.init.constant_(m.bias, 0);
    }
  }

  override forward(x: Tensor): Tensor {
    return flatten(this.classifier.call(this.features.call(x)), 1);
  }
}

/** Options of the SqueezeNet builders: the weights options, `numClasses` and `dropout`. */
export type SqueezeNetBuilderOptions<E> = ClassifierOptions<E> & Omit<SqueezeNetOptions, 'numClasses'>;

async function buildSqueezeNet<E extends WeightsEnumMethods>(
  builder: string,
  version: SqueezeNetVersion,
  weightsEnum: E,
  options: SqueezeNetBuilderOptions<E>,
): Promise<SqueezeNet> {
  const weights = resolveWeights(builder, weightsEnum, options, weightsEnum.fromStr('IMAGENET1K_V1'));
  const numClasses = resolveNumClasses(builder, weights, options.numClasses);
  const model = constructModel(() => new SqueezeNet(version, { dropout: options.dropout, numClasses }));
  if (weights) await loadWeights(model, weights, options.progress);
  return model;
}

/**
 * SqueezeNet 1.0 (torchvision's `squeezenet1_0`).
 *
 * @example
 * ```ts
 * const model = await squeezenet1_0({ weights: 'DEFAULT' });
 * ```
 */
export function squeezenet1_0(options: SqueezeNetBuilderOptions<typeof SqueezeNet1_0_Weights> = {}): Promise<SqueezeNet> {
  return buildSqueezeNet('squeezenet1_0', '1_0', SqueezeNet1_0_Weights, options);
}

/**
 * SqueezeNet 1.1 (torchvision's `squeezenet1_1`): 2.4x less computation than 1.0 at the same
 * accuracy.
 *
 * @example
 * ```ts
 * const model = await squeezenet1_1({ numClasses: 10 });
 * ```
 */
export function squeezenet1_1(options: SqueezeNetBuilderOptions<typeof SqueezeNet1_1_Weights> = {}): Promise<SqueezeNet> {
  return buildSqueezeNet('squeezenet1_1', '1_1', SqueezeNet1_1_Weights, options);
}
