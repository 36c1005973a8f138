import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { linear } from '../../ops/functional/linear';
import { Tensor } from '../../tensor/tensor';
import { kaimingUniform_ } from '../init/kaiming-uniform';
import { uniform_ } from '../init/uniform';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkSize, checkTensor } from './check-input';
import { pyBool } from './repr';
import { assertOptions } from '../../ops/arg-checks';
import { describeNumber } from '../../tensor/describe-arg';

/** Options of `Linear`. */
export interface LinearOptions {
  /** Learn an additive bias. @default true */
  bias?: boolean;
}

/**
 * The affine map `y = x Wᵀ + b` over the last dimension (PyTorch's `nn.Linear`), initialised as
 * PyTorch does: W from kaiming_uniform(a = sqrt(5)), b from U(-1/sqrt(in), 1/sqrt(in)).
 *
 * @example
 * ```ts
 * const fc = new nn.Linear(784, 128);
 * fc.forward(dl.randn([64, 784])).shape; // [64, 128]
 * ```
 */
export class Linear extends Module {
  inFeatures: number;
  outFeatures: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    assertOptions(options, 'Linear', '{ bias: false }');
    for (const [name, v] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new ValueError(`Linear: ${name} must be a non-negative integer, got ${describeNumber(v)}`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = new Parameter(Tensor._owned(tf.zeros([outFeatures, inFeatures])));
    this.bias = (options.bias ?? true) ? new Parameter(Tensor._owned(tf.zeros([outFeatures]))) : null;
    this.resetParameters();
  }

  /** Re-initialises weight and bias the way the constructor does. */
  resetParameters(): void {
    kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    if (this.bias) {
      const bound = this.inFeatures > 0 ? 1 / Math.sqrt(this.inFeatures) : 0;
      uniform_(this.bias, { a: -bound, b: bound });
    }
  }

  override forward(input: Tensor): Tensor {
    checkTensor('Linear', input);
    if (input.dim() === 0) throw new ShapeError(`Linear: expected input of shape [*, ${this.inFeatures}], got a 0-d tensor`);
    checkSize('Linear', input, -1, this.inFeatures, `[*, ${this.inFeatures}]`);
    return linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}
