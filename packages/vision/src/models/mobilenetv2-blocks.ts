import { nn, type Tensor, ValueError } from '@dl/core';
import { Conv2dNormActivation } from './ops/conv2d-norm-activation';
import type { NormLayerFactory } from './ops/layer-factories';
import { pyRound } from '../transforms/internal/py-round';

/**
 * MobileNetV2's inverted residual block (torchvision's `mobilenetv2.InvertedResidual`; shown
 * as `InvertedResidual` in the module text): an optional 1x1 expansion, a 3x3 depthwise
 * convolution (both with ReLU6) and a linear 1x1 projection, all under `conv`, with a skip
 * connection when the stride is 1 and the channel count is kept.
 *
 * @example
 * ```ts
 * const block = new MobileNetV2InvertedResidual(16, 24, 2, 6);
 * block.forward(dl.randn([1, 16, 8, 8])).shape; // [1, 24, 4, 4]
 * ```
 */
export class MobileNetV2InvertedResidual extends nn.Module {
  stride: number;
  useResConnect: boolean;
  conv: nn.Sequential;
  outChannels: number;

  constructor(inp: number, oup: number, stride: number, expandRatio: number, normLayer: NormLayerFactory | null = null) {
    super();
    if (stride !== 1 && stride !== 2) throw new ValueError(`InvertedResidual: stride should be 1 or 2 instead of ${stride}`);
    this.stride = stride;
    const norm = normLayer ?? ((c: number) => new nn.BatchNorm2d(c));
    const hiddenDim = pyRound(inp * expandRatio);
    this.useResConnect = stride === 1 && inp === oup;
    const relu6 = (o: { inplace?: boolean }) => new nn.ReLU6(o);
    const layers: nn.Module[] = [];
    if (expandRatio !== 1) layers.push(new Conv2dNormActivation(inp, hiddenDim, { kernelSize: 1, normLayer: norm, activationLayer: relu6 }));
    layers.push(
      new Conv2dNormActivation(hiddenDim, hiddenDim, { stride, groups: hiddenDim, normLayer: norm, activationLayer: relu6 }),
      new nn.Conv2d(hiddenDim, oup, 1, { stride: 1, padding: 0, bias: false }),
      norm(oup),
    );
    this.conv = new nn.Sequential(...layers);
    this.outChannels = oup;
  }

  override forward(x: Tensor): Tensor {
    const y = this.conv.call(x);
    return this.useResConnect ? x.add(y) : y;
  }

  override _getName(): string {
    return 'InvertedResidual';
  }
}
