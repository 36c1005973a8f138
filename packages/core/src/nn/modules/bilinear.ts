import { tf } from '../../backend/tfjs';
import { ShapeError } from '../../errors/shape-error';
import { ValueError } from '../../errors/value-error';
import { add } from '../../ops/arithmetic/add';
import { matmul } from '../../ops/arithmetic/matmul';
import { mul } from '../../ops/arithmetic/mul';
import { sum } from '../../ops/reduction/sum';
import { permute } from '../../ops/shape/permute';
import { reshape } from '../../ops/shape/reshape';
import { unsqueeze } from '../../ops/shape/unsqueeze';
import { Tensor } from '../../tensor/tensor';
import { uniform_ } from '../init/uniform';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { checkTensor } from './check-input';
import { pyBool } from './repr';
import { assertOptions } from '../../ops/arg-checks';

/**
 * The bilinear map `y_k = x1ᵀ W_k x2 + b_k` (PyTorch's `nn.Bilinear`), initialised from
 * U(-1/sqrt(in1), 1/sqrt(in1)). Inputs `[*, in1]` and `[*, in2]` give `[*, out]`.
 *
 * @example
 * ```ts
 * const bl = new nn.Bilinear(20, 30, 40);
 * bl.forward(dl.randn([128, 20]), dl.randn([128, 30])).shape; // [128, 40]
 * ```
 */
export class Bilinear extends Module {
  in1Features: number;
  in2Features: number;
  outFeatures: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(in1Features: number, in2Features: number, outFeatures: number, options: { bias?: boolean } = {}) {
    super();
    assertOptions(options, 'Bilinear', '{ bias: false }');
    for (const v of [in1Features, in2Features, outFeatures]) {
      if (!Number.isInteger(v) || v < 0) throw new ValueError(`Bilinear: feature sizes must be non-negative integers, got ${in1Features}, ${in2Features}, ${outFeatures}`);
    }
    this.in1Features = in1Features;
    this.in2Features = in2Features;
    this.outFeatures = outFeatures;
    this.weight = new Parameter(Tensor._owned(tf.zeros([outFeatures, in1Features, in2Features])));
    this.bias = (options.bias ?? true) ? new Parameter(Tensor._owned(tf.zeros([outFeatures]))) : null;
    this.resetParameters();
  }

  /** Re-initialises weight and bias from U(-1/sqrt(in1), 1/sqrt(in1)). */
  resetParameters(): void {
    const bound = this.in1Features > 0 ? 1 / Math.sqrt(this.in1Features) : 0;
    uniform_(this.weight, { a: -bound, b: bound });
    if (this.bias) uniform_(this.bias, { a: -bound, b: bound });
  }

  override forward(input1: Tensor, input2: Tensor): Tensor {
    checkTensor('Bilinear', input1, 'input1');
    checkTensor('Bilinear', input2, 'input2');
    const s1 = input1.shape;
    const s2 = input2.shape;
    if (s1[s1.length - 1] !== this.in1Features || s2[s2.length - 1] !== this.in2Features || s1.length !== s2.length || s1.slice(0, -1).some((d, i) => d !== s2[i])) {
      throw new ShapeError(
        `Bilinear: expected inputs of shape [*, ${this.in1Features}] and [*, ${this.in2Features}] with the same leading dims, got [${s1.join(', ')}] and [${s2.join(', ')}]`,
      );
    }
    const lead = s1.slice(0, -1);
    const rows = lead.reduce((a, b) => a * b, 1);
    const x1 = reshape(input1, [rows, this.in1Features]);
    const x2 = reshape(input2, [rows, this.in2Features]);
    // [rows, in1] @ [in1, out * in2] -> [rows, out, in2], then contract with x2.
    const w = reshape(permute(this.weight, [1, 0, 2]), [this.in1Features, this.outFeatures * this.in2Features]);
    const t = reshape(matmul(x1, w), [rows, this.outFeatures, this.in2Features]);
    let y = sum(mul(t, unsqueeze(x2, 1)), { dim: -1 });
    if (this.bias) y = add(y, this.bias);
    return reshape(y, [...lead, this.outFeatures]);
  }

  override extraRepr(): string {
    return `in1_features=${this.in1Features}, in2_features=${this.in2Features}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}
