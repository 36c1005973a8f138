import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { Tensor } from '../../tensor/tensor';
import { calculateFanInAndFanOut } from '../init/fan';
import { kaimingUniform_ } from '../init/kaiming-uniform';
import { uniform_ } from '../init/uniform';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor, expand } from './check-input';
import { pyValue } from './repr';
import { describeNumber } from '../../tensor/describe-arg';

/** An int for every spatial dim, or one per dim. */
export type IntOrTuple = number | readonly number[];

/** How a convolution pads its input. */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/** Options of the convolution layers (PyTorch's keyword arguments). */
export interface ConvLayerOptions {
  /** Step of the kernel. @default 1 */
  stride?: IntOrTuple;
  /** Padding on both sides of each spatial dim, or `'valid'` (none) or `'same'` (stride 1 only). @default 0 */
  padding?: IntOrTuple | 'valid' | 'same';
  /** Spacing between kernel taps. @default 1 */
  dilation?: IntOrTuple;
  /** Split channels into independent groups. @default 1 */
  groups?: number;
  /** Learn an additive per-channel bias. @default true */
  bias?: boolean;
  /** What the padding holds: zeros, a mirror image, the edge value, or the other side. @default 'zeros' */
  paddingMode?: PaddingMode;
}

/** PyTorch's `_ConvNd`: weight `[out, in / groups, *k]` (transposed: `[in, out / groups, *k]`) and bias. */
export abstract class ConvBase extends Module {
  inChannels: number;
  outChannels: number;
  kernelSize: number[];
  stride: number[];
  padding: number[] | 'valid' | 'same';
  dilation: number[];
  transposed: boolean;
  outputPadding: number[];
  groups: number;
  paddingMode: PaddingMode;
  weight: Parameter;
  bias: Parameter | null;

  constructor(
    layer: string,
    dims: number,
    inChannels: number,
    outChannels: number,
    kernelSize: IntOrTuple,
    options: ConvLayerOptions & { outputPadding?: IntOrTuple },
    transposed: boolean,
  ) {
    super();
    const groups = options.groups ?? 1;
    if (!Number.isInteger(groups) || groups < 1) throw new ValueError(`${layer}: groups must be a positive integer, got ${describeNumber(groups)}`);
    for (const [name, v] of [['inChannels', inChannels], ['outChannels', outChannels]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new ValueError(`${layer}: ${name} must be a positive integer, got ${describeNumber(v)}`);
    }
    if (inChannels % groups !== 0) throw new ValueError(`${layer}: in_channels must be divisible by groups (got inChannels ${inChannels}, groups ${groups})`);
    if (outChannels % groups !== 0) throw new ValueError(`${layer}: out_channels must be divisible by groups (got outChannels ${outChannels}, groups ${groups})`);
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = expand(kernelSize, dims, 'kernelSize', layer, 1);
    this.stride = expand(options.stride ?? 1, dims, 'stride', layer, 1);
    const padding = options.padding ?? 0;
    if (typeof padding === 'string') {
      if (padding !== 'valid' && padding !== 'same') throw new ValueError(`${layer}: Invalid padding string '${padding}', should be one of 'valid', 'same'`);
      if (padding === 'same' && this.stride.some((s) => s !== 1)) throw new ValueError(`${layer}: padding='same' is not supported for strided convolutions`);
      this.padding = padding;
    } else this.padding = expand(padding, dims, 'padding', layer, 0);
    this.dilation = expand(options.dilation ?? 1, dims, 'dilation', layer, 1);
    this.transposed = transposed;
    this.outputPadding = expand(options.outputPadding ?? 0, dims, 'outputPadding', layer, 0);
    this.groups = groups;
    const mode = options.paddingMode ?? 'zeros';
    if (!['zeros', 'reflect', 'replicate', 'circular'].includes(mode)) {
      throw new ValueError(`${layer}: padding_mode must be one of 'zeros', 'reflect', 'replicate', 'circular', but got padding_mode='${String(mode)}'`);
    }
    this.paddingMode = mode;
    const wShape = transposed ? [inChannels, outChannels / groups, ...this.kernelSize] : [outChannels, inChannels / groups, ...this.kernelSize];
    this.weight = new Parameter(Tensor._owned(tf.zeros(wShape)));
    this.bias = (options.bias ?? true) ? new Parameter(Tensor._owned(tf.zeros([outChannels]))) : null;
    this.resetParameters();
  }

  /** Re-initialises as PyTorch does: kaiming_uniform(a = sqrt(5)) weights, U(±1/sqrt(fanIn)) bias. */
  resetParameters(): void {
    kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias) {
      const [fanIn] = calculateFanInAndFanOut(this.weight);
      if (fanIn !== 0) {
        const bound = 1 / Math.sqrt(fanIn);
        uniform_(this.bias, { a: -bound, b: bound });
      }
    }
  }

  /** @internal Checks `[N, C, *spatial]` or `[C, *spatial]` input with C = inChannels. */
  protected checkConvInput(input: Tensor): void {
    const layer = this._getName();
    checkTensor(layer, input);
    const s = this.kernelSize.length;
    const names = s === 1 ? 'L' : s === 2 ? 'H, W' : 'D, H, W';
    const rankOk = input.dim() === s + 1 || input.dim() === s + 2;
    const c = input.dim() === s + 2 ? input.shape[1] : input.shape[0];
    if (!rankOk || c !== this.inChannels) {
      throw new ShapeError(
        `${layer}: expected input of shape [N, ${this.inChannels}, ${names}] or [${this.inChannels}, ${names}], got input of shape [${input.shape.join(', ')}]`,
      );
    }
  }

  override extraRepr(): string {
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${pyValue(this.kernelSize)}, stride=${pyValue(this.stride)}`;
    if (typeof this.padding === 'string' || this.padding.some((p) => p !== 0)) s += `, padding=${pyValue(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${pyValue(this.dilation)}`;
    if (this.outputPadding.some((p) => p !== 0)) s += `, output_padding=${pyValue(this.outputPadding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.paddingMode !== 'zeros') s += `, padding_mode=${this.paddingMode}`;
    return s;
  }
}
