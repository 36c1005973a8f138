import { mean, nn, type Tensor, ValueError } from '@dl/core';
import { type ClassifierOptions, loadWeights, resolveNumClasses, resolveWeights } from './internal/model-options';
import { ShuffleNetV2InvertedResidual } from './shufflenetv2-blocks';
import { ShuffleNet_V2_X1_0_Weights } from './shufflenetv2-weights';

export { channelShuffle, ShuffleNetV2InvertedResidual } from './shufflenetv2-blocks';
export { ShuffleNet_V2_X1_0_Weights } from './shufflenetv2-weights';

/** Builds one ShuffleNetV2 unit (torchvision's `inverted_residual` callable). */
export type ShuffleNetV2BlockFactory = (inp: number, oup: number, stride: number) => nn.Module;

/** Options of {@link ShuffleNetV2}. */
export interface ShuffleNetV2Options {
  /** Number of output classes. @default 1000 */
  numClasses?: number;
  /** The unit. @default ShuffleNetV2InvertedResidual */
  invertedResidual?: ShuffleNetV2BlockFactory;
}

/**
 * ShuffleNetV2 ("ShuffleNet V2: Practical Guidelines for Efficient CNN Architecture Design"),
 * laid out as torchvision's `ShuffleNetV2` so its state dicts load key for key: `conv1`,
 * `maxpool`, `stage2`..`stage4` (each a Sequential of units, the first with stride 2), `conv5`,
 * global mean pooling and `fc`. Use {@link shufflenet_v2_x1_0} for the 1.0x model and weights.
 *
 * @example
 * ```ts
 * const model = new ShuffleNetV2([4, 8, 4], [24, 116, 232, 464, 1024], { numClasses: 10 });
 * model.eval().forward(dl.randn([1, 3, 64, 64])).shape; // [1, 10]
 * ```
 */
export class ShuffleNetV2 extends nn.Module {
  conv1: nn.Sequential;
  maxpool: nn.MaxPool2d;
  stage2: nn.Sequential;
  stage3: nn.Sequential;
  stage4: nn.Sequential;
  conv5: nn.Sequential;
  fc: nn.Linear;

  constructor(stagesRepeats: readonly number[], stagesOutChannels: readonly number[], options: ShuffleNetV2Options = {}) {
    super();
    if (!Array.isArray(stagesRepeats) || stagesRepeats.length !== 3) throw new ValueError(`ShuffleNetV2: expected stagesRepeats as list of 3 positive ints, got ${JSON.stringify(stagesRepeats)}`);
    if (!Array.isArray(stagesOutChannels) || stagesOutChannels.length !== 5) {
      throw new ValueError(`ShuffleNetV2: expected stagesOutChannels as list of 5 positive ints, got ${JSON.stringify(stagesOutChannels)}`);
    }
    const unit = options.invertedResidual ?? ((i, o, s) => new ShuffleNetV2InvertedResidual(i, o, s));
    let inputChannels = 3;
    let outputChannels = stagesOutChannels[0];
    this.conv1 = new nn.Sequential(new nn.Conv2d(inputChannels, outputChannels, 3, { stride: 2, padding: 1, bias: false }), new nn.BatchNorm2d(outputChannels), new nn.ReLU({ inplace: true }));
    inputChannels = outputChannels;
    this.maxpool = new nn.MaxPool2d(3, { stride: 2, padding: 1 });
    const stages: nn.Sequential[] = [];
    for (let s = 0; s < 3; s++) {
      outputChannels = stagesOutChannels[s + 1];
      const seq = [unit(inputChannels, outputChannels, 2)];
      for (let i = 0; i < stagesRepeats[s] - 1; i++) seq.push(unit(outputChannels, outputChannels, 1));
      stages.push(new nn.Sequential(...seq));
      inputChannels = outputChannels;
    }
    [this.stage2, this.stage3, this.stage4] = stages;
    outputChannels = stagesOutChannels[4];
    this.conv5 = new nn.Sequential(new nn.Conv2d(inputChannels, outputChannels, 1, { stride: 1, padding: 0, bias: false }), new nn.BatchNorm2d(outputChannels), new nn.ReLU({ inplace: true }));
    this.fc = new nn.Linear(outputChannels, options.numClasses ?? 1000);
  }

  override forward(x: Tensor): Tensor {
    let y = this.maxpool.call(this.conv1.call(x));
    y = this.stage4.call(this.stage3.call(this.stage2.call(y)));
    y = mean(this.conv5.call(y), [2, 3]); // global pool
    return this.fc.call(y);
  }
}

/** Options of {@link shufflenet_v2_x1_0}: the weights options, `numClasses` and `invertedResidual`. */
export type ShuffleNetV2BuilderOptions<E> = ClassifierOptions<E> & Omit<ShuffleNetV2Options, 'numClasses'>;

/**
 * ShuffleNetV2 with 1.0x output channels (torchvision's `shufflenet_v2_x1_0`: stages of 4, 8, 4
 * units, channels 24, 116, 232, 464, 1024). With `weights` (`'DEFAULT'` = `'IMAGENET1K_V1'` or a
 * `ShuffleNet_V2_X1_0_Weights` entry) the ImageNet weights are downloaded once into the hub cache
 * and loaded.
 *
 * @example
 * ```ts
 * const model = await shufflenet_v2_x1_0({ weights: 'DEFAULT' });
 * const scratch = await shufflenet_v2_x1_0({ numClasses: 10 });
 * ```
 */
export async function shufflenet_v2_x1_0(options: ShuffleNetV2BuilderOptions<typeof ShuffleNet_V2_X1_0_Weights> = {}): Promise<ShuffleNetV2> {
  const { weights: _w, pretrained: _p, progress, numClasses, ...config } = options;
  const weights = resolveWeights('shufflenet_v2_x1_0', ShuffleNet_V2_X1_0_Weights, options, ShuffleNet_V2_X1_0_Weights.IMAGENET1K_V1);
  const model = new ShuffleNetV2([4, 8, 4], [24, 116, 232, 464, 1024], { ...config, numClasses: resolveNumClasses('shufflenet_v2_x1_0', weights, numClasses) });
  if (weights) await loadWeights(model, weights, progress);
  return model;
}
