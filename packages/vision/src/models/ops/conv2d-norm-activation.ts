import { ArgumentTypeError, nn } from '@dl/core';
import type { ActivationLayerFactory, NormLayerFactory } from './layer-factories';

/** Options of {@link Conv2dNormActivation} (torchvision's keyword arguments, camelCased). */
export interface Conv2dNormActivationOptions {
  /** Size of the convolving kernel. @default 3 */
  kernelSize?: number | readonly number[];
  /** Stride of the convolution. @default 1 */
  stride?: number | readonly number[];
  /** Padding on each side; `null` pads `(kernelSize - 1) / 2 * dilation` (rounded down). @default null */
  padding?: number | readonly number[] | 'same' | 'valid' | null;
  /** Blocked connections from input to output channels. @default 1 */
  groups?: number;
  /** The normalisation after the convolution, or `null` for none. @default BatchNorm2d */
  normLayer?: NormLayerFactory | null;
  /** The activation after the normalisation, or `null` for none. @default ReLU */
  activationLayer?: ActivationLayerFactory | null;
  /** Spacing between kernel elements. @default 1 */
  dilation?: number | readonly number[];
  /** Passed to the activation as `inplace`; `null` passes nothing. @default true */
  inplace?: boolean | null;
  /** Whether the convolution has a bias; `null` means "only without a norm layer". @default null */
  bias?: boolean | null;
}

const defaultNorm: NormLayerFactory = (c) => new nn.BatchNorm2d(c);
const defaultActivation: ActivationLayerFactory = (o) => new nn.ReLU(o);

/** `(kernel - 1) / 2 * dilation` per spatial dim, as torchvision pads when `padding` is None. */
function samePadding(kernelSize: number | readonly number[], dilation: number | readonly number[]): number | number[] {
  if (typeof kernelSize === 'number' && typeof dilation === 'number') return Math.floor((kernelSize - 1) / 2) * dilation;
  const dims = typeof kernelSize === 'number' ? (dilation as readonly number[]).length : kernelSize.length;
  const at = (v: number | readonly number[], i: number) => (typeof v === 'number' ? v : v[i]);
  return Array.from({ length: dims }, (_, i) => Math.floor((at(kernelSize, i) - 1) / 2) * at(dilation, i));
}

/**
 * A Conv2d, then a normalisation layer, then an activation, as one `Sequential` whose children are
 * `0`, `1`, `2` (torchvision.ops' `Conv2dNormActivation`, so state-dict keys such as
 * `features.0.1.running_mean` match). The convolution has a bias only when there is no norm layer,
 * unless `bias` says otherwise.
 *
 * @example
 * ```ts
 * const stem = new Conv2dNormActivation(3, 16, { stride: 2, activationLayer: (o) => new nn.Hardswish(o) });
 * stem.forward(dl.randn([1, 3, 32, 32])).shape; // [1, 16, 16, 16]
 * ```
 */
export class Conv2dNormActivation extends nn.Sequential {
  /** The number of output channels (torchvision's `out_channels`). */
  outChannels: number;

  constructor(inChannels: number, outChannels: number, options: Conv2dNormActivationOptions = {}) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ArgumentTypeError(`Conv2dNormActivation: expected options to be an object such as { kernelSize: 1 }, got ${String(options)}`);
    }
    const kernelSize = options.kernelSize ?? 3;
    const dilation = options.dilation ?? 1;
    const normLayer = options.normLayer === undefined ? defaultNorm : options.normLayer;
    const activationLayer = options.activationLayer === undefined ? defaultActivation : options.activationLayer;
    const inplace = options.inplace === undefined ? true : options.inplace;
    const layers: nn.Module[] = [
      new nn.Conv2d(inChannels, outChannels, kernelSize, {
        stride: options.stride ?? 1,
        padding: options.padding ?? samePadding(kernelSize, dilation),
        dilation,
        groups: options.groups ?? 1,
        bias: options.bias ?? normLayer === null,
      }),
    ];
    if (normLayer !== null) layers.push(normLayer(outChannels));
    if (activationLayer !== null) layers.push(activationLayer(inplace === null ? {} : { inplace }));
    super(...layers);
    this.outChannels = outChannels;
  }
}
