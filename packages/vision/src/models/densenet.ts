import { adaptiveAvgPool2d, flatten, nn, relu, type Tensor, ValueError } from '@dl/core';
import { DenseBlock, Transition } from './densenet-blocks';
import { DenseNet121_Weights } from './densenet-weights';
import { type ClassifierOptions, constructModel, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';

/** Options of {@link DenseNet} (torchvision's keyword arguments). */
export interface DenseNetOptions {
  /** Channels each layer adds (`k` in the paper). @default 32 */
  growthRate?: number;
  /** Layers in each dense block (a transition follows every block but the last). @default [6, 12, 24, 16] */
  blockConfig?: readonly number[];
  /** Channels of the first convolution. @default 64 */
  numInitFeatures?: number;
  /** Bottleneck width as a multiple of `growthRate`. @default 4 */
  bnSize?: number;
  /** Dropout after each dense layer (training only). @default 0 */
  dropRate?: number;
  /** The number of output classes. @default 1000 */
  numClasses?: number;
}

/**
 * DenseNet-BC (torchvision's `DenseNet`, "Densely Connected Convolutional Networks"): a stem,
 * dense blocks joined by transitions, a final norm (all in `features`, named `conv0`, `norm0`,
 * `denseblock1`, `transition1`, ..., `norm5`) and a linear `classifier`.
 *
 * @example
 * ```ts
 * const model = new DenseNet({ numClasses: 10 }); // the DenseNet-121 layout
 * model.eval().forward(dl.randn([1, 3, 64, 64])).shape; // [1, 10]
 * ```
 */
export class DenseNet extends nn.Module {
  features: nn.Sequential;
  /** The classifier head; assign a new `nn.Linear` to fine-tune for other classes. */
  classifier: nn.Linear;

  constructor(options: DenseNetOptions = {}) {
    super();
    const growthRate = options.growthRate ?? 32;
    const blockConfig: readonly number[] = options.blockConfig ?? [6, 12, 24, 16];
    const numInitFeatures = options.numInitFeatures ?? 64;
    const bnSize = options.bnSize ?? 4;
    const dropRate = options.dropRate ?? 0;
    if (!Array.isArray(blockConfig) || blockConfig.length === 0 || !blockConfig.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new ValueError(`DenseNet: blockConfig must be a list of positive layer counts, got ${JSON.stringify(blockConfig)}`);
    }
    const layers = new Map<string, nn.Module>([
      ['conv0', new nn.Conv2d(3, numInitFeatures, 7, { stride: 2, padding: 3, bias: false })],
      ['norm0', new nn.BatchNorm2d(numInitFeatures)],
      ['relu0', new nn.ReLU({ inplace: true })],
      ['pool0', new nn.MaxPool2d(3, { stride: 2, padding: 1 })],
    ]);
    let numFeatures = numInitFeatures;
    blockConfig.forEach((numLayers, i) => {
      layers.set(`denseblock${i + 1}`, new DenseBlock(numLayers, numFeatures, bnSize, growthRate, dropRate));
      numFeatures += numLayers * growthRate;
      if (i !== blockConfig.length - 1) {
        layers.set(`transition${i + 1}`, new Transition(numFeatures, Math.floor(numFeatures / 2)));
        numFeatures = Math.floor(numFeatures / 2);
      }
    });
    layers.set('norm5', new nn.BatchNorm2d(numFeatures));
    this.features = new nn.Sequential(layers);
    this.classifier = new nn.Linear(numFeatures, options.numClasses ?? 1000);

    for (const m of this.modules()) {
      if (m instanceof nn.Conv2d) nn.init.kaimingNormal_(m.weight);
      else if (m instanceof nn.BatchNorm2d) {
        if (m.weight) nn.init.constant_(m.weight, 1);
        if (m.bias) nn.init.constant_(m.bias, 0);
      } else if (m instanceof nn.Linear && m.bias) nn.init.constant_(m.bias, 0);
    }
  }

  override forward(x: Tensor): Tensor {
    const out = adaptiveAvgPool2d(relu(this.features.call(x)), [1, 1]);
    return this.classifier.call(flatten(out, 1));
  }
}

/** The dense-layer keys of torchvision's published DenseNet checkpoints: `norm.1` for today's `norm1`. */
const LEGACY_KEY = /^(.*denselayer\d+\.(?:norm|relu|conv))\.((?:[12])\.(?:weight|bias|running_mean|running_var))$/;

/**
 * Renames the old dense-layer keys of torchvision's DenseNet checkpoints (`...denselayer1.norm.1.weight`)
 * to the module names of today (`...denselayer1.norm1.weight`), as torchvision does when it loads
 * them; other keys pass through. Returns a new object.
 *
 * @example
 * ```ts
 * model.loadStateDict(remapDenseNetLegacyKeys(await load('densenet121-a639ec97.pth')));
 * ```
 */
export function remapDenseNetLegacyKeys(stateDict: nn.StateDict): nn.StateDict {
  const out: nn.StateDict = {};
  for (const [key, value] of Object.entries(stateDict)) {
    const m = LEGACY_KEY.exec(key);
    out[m ? m[1]! + m[2]! : key] = value;
  }
  return out;
}

/** Options of {@link densenet121}: the weights options, `numClasses` and the DenseNet settings that do not change its layout. */
export type DenseNetBuilderOptions<E> = ClassifierOptions<E> & Pick<DenseNetOptions, 'bnSize' | 'dropRate'>;

/**
 * DenseNet-121 (torchvision's `densenet121`: growth 32, blocks [6, 12, 24, 16], 64 initial
 * features). Its published weights use the old layer key names, which are renamed on loading.
 *
 * @example
 * ```ts
 * const model = await densenet121({ weights: DenseNet121_Weights.DEFAULT });
 * ```
 */
export async function densenet121(options: DenseNetBuilderOptions<typeof DenseNet121_Weights> = {}): Promise<DenseNet> {
  const weights = resolveWeights('densenet121', DenseNet121_Weights, options, DenseNet121_Weights.IMAGENET1K_V1);
  const numClasses = resolveNumClasses('densenet121', weights, options.numClasses);
  const model = constructModel(
    () => new DenseNet({ growthRate: 32, blockConfig: [6, 12, 24, 16], numInitFeatures: 64, bnSize: options.bnSize, dropRate: options.dropRate, numClasses }),
  );
  if (weights) await loadWeights(model, weights, options.progress, remapDenseNetLegacyKeys);
  return model;
}
