import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { layerNorm } from '../../ops/functional/layer-norm';
import { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { pyBool, pyFloat, pyTuple } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/** Options of `LayerNorm`. */
export interface LayerNormLayerOptions {
  /** Added to the variance for numerical stability. @default 1e-5 */
  eps?: number;
  /** Learn an elementwise scale (`weight`) and shift (`bias`). @default true */
  elementwiseAffine?: boolean;
  /** Learn the shift (with `elementwiseAffine`). @default true */
  bias?: boolean;
}

/**
 * Layer normalisation over the trailing `normalizedShape` dims of each sample (PyTorch's
 * `nn.LayerNorm`), with an elementwise affine transform (weight 1, bias 0 at first).
 *
 * @example
 * ```ts
 * const ln = new nn.LayerNorm(512);
 * ln.forward(dl.randn([8, 20, 512])).shape; // [8, 20, 512]
 * ```
 */
export class LayerNorm extends Module {
  normalizedShape: number[];
  eps: number;
  elementwiseAffine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormLayerOptions = {}) {
    super();
    assertOptions(options, 'LayerNorm', '{ eps: 1e-5 }');
    const shape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    if (shape.length === 0 || shape.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new ValueError(`LayerNorm: normalizedShape must be positive integers, got [${shape.join(', ')}]`);
    }
    this.normalizedShape = shape;
    this.eps = options.eps ?? 1e-5;
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    this.weight = this.elementwiseAffine ? new Parameter(Tensor._owned(tf.ones(shape))) : null;
    this.bias = this.elementwiseAffine && (options.bias ?? true) ? new Parameter(Tensor._owned(tf.zeros(shape))) : null;
  }

  override forward(input: Tensor): Tensor {
    checkTensor('LayerNorm', input);
    const k = this.normalizedShape.length;
    const tail = input.shape.slice(input.dim() - k);
    if (input.dim() < k || tail.some((d, i) => d !== this.normalizedShape[i])) {
      throw new ShapeError(`LayerNorm: expected input of shape [*, ${this.normalizedShape.join(', ')}], got input of shape [${input.shape.join(', ')}]`);
    }
    return layerNorm(input, this.normalizedShape, this.weight, this.bias, { eps: this.eps });
  }

  override extraRepr(): string {
    return `${pyTuple(this.normalizedShape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}
