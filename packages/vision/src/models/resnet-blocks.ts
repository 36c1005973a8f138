import { add, nn, type Tensor, ValueError } from '@dl/core';

/** Builds the normalisation layer for `numFeatures` channels (torchvision's `norm_layer`, e.g. `nn.BatchNorm2d`). */
export type ResNetNormLayer = (numFeatures: number) => nn.Module;

/** Options shared by {@link BasicBlock} and {@link Bottleneck} (torchvision's keyword arguments). */
export interface ResNetBlockOptions {
  /** Stride of the block's downsampling convolution. @default 1 */
  stride?: number;
  /** The shortcut branch when the block changes shape (1x1 conv + norm), else none. @default null */
  downsample?: nn.Module | null;
  /** Convolution groups (ResNeXt). @default 1 */
  groups?: number;
  /** Channels per group at `planes = 64` (Wide ResNet doubles it). @default 64 */
  baseWidth?: number;
  /** Dilation of the 3x3 convolution. @default 1 */
  dilation?: number;
  /** The normalisation layer. @default BatchNorm2d */
  normLayer?: ResNetNormLayer;
}

/** A 3x3 convolution with padding `dilation` and no bias (torchvision's `conv3x3`). */
export function conv3x3(inPlanes: number, outPlanes: number, stride = 1, groups = 1, dilation = 1): nn.Conv2d {
  return new nn.Conv2d(inPlanes, outPlanes, 3, { stride, padding: dilation, groups, bias: false, dilation });
}

/** A 1x1 convolution without bias (torchvision's `conv1x1`). */
export function conv1x1(inPlanes: number, outPlanes: number, stride = 1): nn.Conv2d {
  return new nn.Conv2d(inPlanes, outPlanes, 1, { stride, bias: false });
}

const batchNorm: ResNetNormLayer = (c) => new nn.BatchNorm2d(c);

/**
 * The residual block of ResNet-18/34 (torchvision's `BasicBlock`): two 3x3 convolutions with
 * norm and ReLU, plus the shortcut. Submodules keep torchvision's names (`conv1`, `bn1`, `relu`,
 * `conv2`, `bn2`, `downsample`).
 *
 * @example
 * ```ts
 * const block = new BasicBlock(64, 64);
 * block.forward(dl.randn([1, 64, 8, 8])).shape; // [1, 64, 8, 8]
 * ```
 */
export class BasicBlock extends nn.Module {
  /** Output channels per `planes` (1). */
  static readonly expansion: number = 1;
  conv1: nn.Conv2d;
  bn1: nn.Module;
  relu: nn.ReLU;
  conv2: nn.Conv2d;
  bn2: nn.Module;
  downsample: nn.Module | null;
  /** The block's stride. */
  stride: number;

  constructor(inplanes: number, planes: number, options: ResNetBlockOptions = {}) {
    super();
    const { stride = 1, downsample = null, groups = 1, baseWidth = 64, dilation = 1, normLayer = batchNorm } = options;
    if (groups !== 1 || baseWidth !== 64) throw new ValueError(`BasicBlock: only supports groups=1 and baseWidth=64, got groups ${groups} and baseWidth ${baseWidth}`);
    if (dilation > 1) throw new ValueError(`BasicBlock: dilation > 1 is not supported, got ${dilation}`);
    this.conv1 = conv3x3(inplanes, planes, stride);
    this.bn1 = normLayer(planes);
    this.relu = new nn.ReLU({ inplace: true });
    this.conv2 = conv3x3(planes, planes);
    this.bn2 = normLayer(planes);
    this.downsample = downsample;
    this.stride = stride;
  }

  override forward(x: Tensor): Tensor {
    let out = this.relu.call(this.bn1.call(this.conv1.call(x)) as Tensor);
    out = this.bn2.call(this.conv2.call(out)) as Tensor;
    const identity = this.downsample ? (this.downsample.call(x) as Tensor) : x;
    return this.relu.call(add(out, identity));
  }
}

/**
 * The bottleneck block of ResNet-50/101/152 (torchvision's `Bottleneck`, "ResNet v1.5": the stride
 * sits on the 3x3 convolution): 1x1 reduce, 3x3, 1x1 expand by 4, plus the shortcut.
 *
 * @example
 * ```ts
 * const block = new Bottleneck(256, 64);
 * block.forward(dl.randn([1, 256, 8, 8])).shape; // [1, 256, 8, 8]
 * ```
 */
export class Bottleneck extends nn.Module {
  /** Output channels per `planes` (4). */
  static readonly expansion: number = 4;
  conv1: nn.Conv2d;
  bn1: nn.Module;
  conv2: nn.Conv2d;
  bn2: nn.Module;
  conv3: nn.Conv2d;
  bn3: nn.Module;
  relu: nn.ReLU;
  downsample: nn.Module | null;
  /** The block's stride. */
  stride: number;

  constructor(inplanes: number, planes: number, options: ResNetBlockOptions = {}) {
    super();
    const { stride = 1, downsample = null, groups = 1, baseWidth = 64, dilation = 1, normLayer = batchNorm } = options;
    const width = Math.trunc(planes * (baseWidth / 64)) * groups;
    this.conv1 = conv1x1(inplanes, width);
    this.bn1 = normLayer(width);
    this.conv2 = conv3x3(width, width, stride, groups, dilation);
    this.bn2 = normLayer(width);
    this.conv3 = conv1x1(width, planes * Bottleneck.expansion);
    this.bn3 = normLayer(planes * Bottleneck.expansion);
    this.relu = new nn.ReLU({ inplace: true });
    this.downsample = downsample;
    this.stride = stride;
  }

  override forward(x: Tensor): Tensor {
    let out = this.relu.call(this.bn1.call(this.conv1.call(x)) as Tensor);
    out = this.relu.call(this.bn2.call(this.conv2.call(out)) as Tensor);
    out = this.bn3.call(this.conv3.call(out)) as Tensor;
    const identity = this.downsample ? (this.downsample.call(x) as Tensor) : x;
    return this.relu.call(add(out, identity));
  }
}
