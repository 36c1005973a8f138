import { cat, chunk, nn, ShapeError, type Tensor, ValueError } from '@dl/core';

/**
 * Interleaves the channels of `groups` groups (torchvision's `channel_shuffle`): `[N, C, H, W]`
 * is viewed as `[N, groups, C / groups, H, W]`, the two group axes are swapped and the result is
 * flattened back, so channel `g * (C / groups) + i` moves to `i * groups + g`.
 *
 * @example
 * ```ts
 * channelShuffle(dl.arange(4).reshape([1, 4, 1, 1]), 2).flatten().tolist(); // [0, 2, 1, 3]
 * ```
 */
export function channelShuffle(x: Tensor, groups: number): Tensor {
  if (x.dim() !== 4) throw new ShapeError(`channelShuffle: expected a [N, C, H, W] tensor, got shape [${x.shape.join(', ')}]`);
  const [n, c, h, w] = x.shape;
  if (!Number.isInteger(groups) || groups < 1 || c % groups !== 0) {
    throw new ValueError(`channelShuffle: groups must be a positive integer dividing the ${c} channels, got ${groups}`);
  }
  return x.reshape([n, groups, c / groups, h, w]).transpose(1, 2).reshape([n, c, h, w]);
}

function depthwiseConv(i: number, o: number, kernelSize: number, stride = 1, padding = 0, bias = false): nn.Conv2d {
  return new nn.Conv2d(i, o, kernelSize, { stride, padding, bias, groups: i });
}

/**
 * ShuffleNetV2's unit (torchvision's `shufflenetv2.InvertedResidual`; shown as
 * `InvertedResidual`). With stride 1 the input's second half goes through `branch2` (1x1, 3x3
 * depthwise, 1x1) and is joined to the untouched first half; with stride > 1 both `branch1`
 * (depthwise, 1x1) and `branch2` see the whole input. The halves are then channel-shuffled.
 *
 * @example
 * ```ts
 * const unit = new ShuffleNetV2InvertedResidual(24, 116, 2);
 * unit.forward(dl.randn([1, 24, 8, 8])).shape; // [1, 116, 4, 4]
 * ```
 */
export class ShuffleNetV2InvertedResidual extends nn.Module {
  stride: number;
  branch1: nn.Sequential;
  branch2: nn.Sequential;

  constructor(inp: number, oup: number, stride: number) {
    super();
    if (!(stride >= 1 && stride <= 3)) throw new ValueError(`InvertedResidual: illegal stride value ${stride} (expected 1, 2 or 3)`);
    this.stride = stride;
    const branchFeatures = Math.floor(oup / 2);
    if (stride === 1 && inp !== branchFeatures * 2) {
      throw new ValueError(`InvertedResidual: invalid combination of stride ${stride}, inp ${inp} and oup ${oup} values. If stride == 1 then inp should be equal to oup // 2 << 1.`);
    }
    const relu = () => new nn.ReLU({ inplace: true });
    this.branch1 =
      stride > 1
        ? new nn.Sequential(
            depthwiseConv(inp, inp, 3, stride, 1),
            new nn.BatchNorm2d(inp),
            new nn.Conv2d(inp, branchFeatures, 1, { stride: 1, padding: 0, bias: false }),
            new nn.BatchNorm2d(branchFeatures),
            relu(),
          )
        : new nn.Sequential();
    this.branch2 = new nn.Sequential(
      new nn.Conv2d(stride > 1 ? inp : branchFeatures, branchFeatures, 1, { stride: 1, padding: 0, bias: false }),
      new nn.BatchNorm2d(branchFeatures),
      relu(),
      depthwiseConv(branchFeatures, branchFeatures, 3, stride, 1),
      new nn.BatchNorm2d(branchFeatures),
      new nn.Conv2d(branchFeatures, branchFeatures, 1, { stride: 1, padding: 0, bias: false }),
      new nn.BatchNorm2d(branchFeatures),
      relu(),
    );
  }

  override forward(x: Tensor): Tensor {
    let out: Tensor;
    if (this.stride === 1) {
      const [x1, x2] = chunk(x, 2, 1);
      out = cat([x1, this.branch2.call(x2)], 1);
    } else {
      out = cat([this.branch1.call(x), this.branch2.call(x)], 1);
    }
    return channelShuffle(out, 2);
  }

  override _getName(): string {
    return 'InvertedResidual';
  }
}
