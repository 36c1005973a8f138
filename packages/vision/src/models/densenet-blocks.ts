import { cat, dropout, nn, type Tensor } from '@dl/core';

/**
 * One layer of a dense block (torchvision's `_DenseLayer`): norm, ReLU, 1x1 bottleneck convolution
 * to `bnSize * growthRate` channels, norm, ReLU, 3x3 convolution to `growthRate` new channels,
 * computed from the concatenation of every earlier feature map of the block.
 *
 * @example
 * ```ts
 * const layer = new DenseLayer(64, 32, 4, 0);
 * layer.forward([dl.randn([1, 64, 8, 8])]).shape; // [1, 32, 8, 8]
 * ```
 */
export class DenseLayer extends nn.Module {
  norm1: nn.BatchNorm2d;
  relu1: nn.ReLU;
  conv1: nn.Conv2d;
  norm2: nn.BatchNorm2d;
  relu2: nn.ReLU;
  conv2: nn.Conv2d;
  /** Dropout probability on the new features (training only). */
  dropRate: number;

  constructor(numInputFeatures: number, growthRate: number, bnSize: number, dropRate: number) {
    super();
    this.norm1 = new nn.BatchNorm2d(numInputFeatures);
    this.relu1 = new nn.ReLU({ inplace: true });
    this.conv1 = new nn.Conv2d(numInputFeatures, bnSize * growthRate, 1, { stride: 1, bias: false });
    this.norm2 = new nn.BatchNorm2d(bnSize * growthRate);
    this.relu2 = new nn.ReLU({ inplace: true });
    this.conv2 = new nn.Conv2d(bnSize * growthRate, growthRate, 3, { stride: 1, padding: 1, bias: false });
    this.dropRate = dropRate;
  }

  /** The new features from one tensor or from the list of the block's feature maps so far. */
  override forward(input: Tensor | readonly Tensor[]): Tensor {
    const prev = Array.isArray(input) ? (input as readonly Tensor[]) : [input as Tensor];
    const concatenated = prev.length === 1 ? prev[0]! : cat(prev, 1);
    const bottleneck = this.conv1.call(this.relu1.call(this.norm1.call(concatenated)));
    const out = this.conv2.call(this.relu2.call(this.norm2.call(bottleneck)));
    return this.dropRate > 0 ? dropout(out, { p: this.dropRate, training: this.training }) : out;
  }

  override _getName(): string {
    return '_DenseLayer';
  }
}

/**
 * A dense block (torchvision's `_DenseBlock`, a ModuleDict of `denselayer1`, `denselayer2`, ...):
 * every layer sees all earlier feature maps; the output concatenates them all.
 *
 * @example
 * ```ts
 * const block = new DenseBlock(6, 64, 4, 32, 0);
 * block.forward(dl.randn([1, 64, 8, 8])).shape; // [1, 256, 8, 8]
 * ```
 */
export class DenseBlock extends nn.ModuleDict<DenseLayer> {
  constructor(numLayers: number, numInputFeatures: number, bnSize: number, growthRate: number, dropRate: number) {
    super();
    for (let i = 0; i < numLayers; i++) {
      this.set(`denselayer${i + 1}`, new DenseLayer(numInputFeatures + i * growthRate, growthRate, bnSize, dropRate));
    }
  }

  override forward(initFeatures: Tensor): Tensor {
    const features = [initFeatures];
    for (const layer of this.values()) features.push(layer.call(features));
    return cat(features, 1);
  }

  override _getName(): string {
    return '_DenseBlock';
  }
}

/**
 * The transition between dense blocks (torchvision's `_Transition`, a Sequential of `norm`,
 * `relu`, `conv` (1x1) and `pool` (2x2 average)): halves the channels and the resolution.
 *
 * @example
 * ```ts
 * const t = new Transition(256, 128);
 * t.forward(dl.randn([1, 256, 8, 8])).shape; // [1, 128, 4, 4]
 * ```
 */
export class Transition extends nn.Sequential {
  constructor(numInputFeatures: number, numOutputFeatures: number) {
    super({
      norm: new nn.BatchNorm2d(numInputFeatures),
      relu: new nn.ReLU({ inplace: true }),
      conv: new nn.Conv2d(numInputFeatures, numOutputFeatures, 1, { stride: 1, bias: false }),
      pool: new nn.AvgPool2d(2, { stride: 2 }),
    });
  }

  override _getName(): string {
    return '_Transition';
  }
}
